CREATE TABLE bom (id integer);
-- the file starts with a byte order mark
INSERT INTO bom VALUES (1);
