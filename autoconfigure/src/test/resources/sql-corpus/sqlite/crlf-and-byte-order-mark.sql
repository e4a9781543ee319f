-- Written on Windows, with a byte order mark
CREATE TABLE crlf (
    id INTEGER,
    name TEXT
);

CREATE TRIGGER crlf_name AFTER INSERT ON crlf
BEGIN
    UPDATE crlf SET name = upper(new.name) WHERE id = new.id;
END;
INSERT INTO crlf VALUES (1, 'a;
b');
