CREATE TABLE "odd;table" ("semi;colon" text, "quote""d" text, "--not a comment" text, "$$" text);
INSERT INTO "odd;table" VALUES ('a;b', 'it''s', '-- not a comment', '/* not a comment */');
INSERT INTO "odd;table" VALUES (E'it\'s; escaped', E'back\\slash', U&'d\0061t\+000061', $$dollar ' quoted; text$$);
SELECT 'one'
    'two' AS "not;split", $tag$ a $$ b ; c $tag$ AS tagged;
PREPARE add_one(integer) AS SELECT $1 + 1;
EXECUTE add_one(41);
DEALLOCATE add_one;
SELECT 1 AS x$y, 'E''s' AS e;
