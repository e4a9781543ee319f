CREATE TABLE spaced (id integer);
 
-- the line above holds a no-break space, and so does the end of the last line
DROP TABLE IF EXISTS spaced CASCADE; 
