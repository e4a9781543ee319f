CREATE TABLE "odd;table" ([semi;colon] TEXT, `back``tick;` TEXT, "quote""d" TEXT);
INSERT INTO "odd;table" VALUES ('it''s; here', '-- not a comment', '/* not a comment */');
SELECT [semi;colon], `back``tick;`, "quote""d" FROM "odd;table";
SELECT 'a' || /* a comment; inside */ 'b' -- and one; after
    AS ab;
SELECT $param IS NULL, :name IS NULL, @at IS NULL;
