-- Standard SQL: quotes, identifiers and comments only.
CREATE TABLE "odd;table" ("semi;colon" VARCHAR(40), "quote""d" VARCHAR(40));
INSERT INTO "odd;table" VALUES ('it''s; here', '-- not a comment');
/* a block comment; */ SELECT "semi;colon" FROM "odd;table";
SELECT 'a' -- a comment; after
    || 'b' AS ab;
SELECT 1 AS x$y, $$ AS not_a_quote;
