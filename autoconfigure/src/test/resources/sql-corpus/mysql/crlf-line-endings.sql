-- Written on Windows
CREATE TABLE crlf (
    id INT,
    name VARCHAR(20)
);

DELIMITER //
CREATE PROCEDURE crlf_insert()
BEGIN
    INSERT INTO crlf VALUES (1, 'a;
b');
END//
DELIMITER ;
CALL crlf_insert();
