-- Written on Windows
CREATE TABLE crlf (
    id integer,
    name text
);

/* a comment;
   over two lines */
INSERT INTO crlf
VALUES (1, 'a;
b');
SELECT $$x;
y$$;
