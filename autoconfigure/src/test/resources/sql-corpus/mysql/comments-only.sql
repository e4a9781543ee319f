# Nothing to run here;
-- only comments; and whitespace
/* even a block comment; */

