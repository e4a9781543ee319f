CREATE TABLE tail (id integer);
INSERT INTO tail VALUES (1);;
;
SELECT id
FROM tail
-- the script ends without a semicolon
