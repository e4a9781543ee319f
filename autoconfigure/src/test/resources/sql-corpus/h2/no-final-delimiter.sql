CREATE TABLE tail (id INT);
INSERT INTO tail VALUES (1);
SELECT id FROM tail
// the script ends without a semicolon
