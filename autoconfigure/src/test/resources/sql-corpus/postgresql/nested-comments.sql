/* A header comment /* with a nested comment; */ that goes on;
   and ends here */
-- a line comment; with a semicolon
CREATE TABLE note (
    id integer, /* the key; /* nested */ still a comment */
    body text -- trailing; comment
);
-- before the insert
INSERT INTO note VALUES (1, 'x') /* a comment after the statement */;
SELECT /* inline ; */ id FROM note;
/* a comment at the end, /* nested */ with no statement after it */
