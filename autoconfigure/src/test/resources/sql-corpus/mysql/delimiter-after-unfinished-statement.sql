-- A column may be named delimiter; a line that starts with it inside parentheses is no DELIMITER command.
CREATE TABLE csv_format (
    id INT PRIMARY KEY,
    delimiter CHAR(1) NOT NULL
);
INSERT INTO csv_format VALUES (0, ',');

drop PROCEDURE if EXISTS insert_default_format;
delimiter d//
CREATE PROCEDURE insert_default_format()
BEGIN
    IF NOT EXISTS (SELECT 1 FROM csv_format WHERE id = 1) THEN
        INSERT INTO csv_format VALUES (1, ';');
    END IF;
END;
d//

-- Ended with ; while d// is still the delimiter: as in the mysql client, the DELIMITER line below runs it as it is.
UPDATE csv_format SET delimiter = '|' WHERE id = 0;

delimiter ;
CALL insert_default_format();
SELECT delimiter FROM csv_format ORDER BY id
DELIMITER //
SELECT COUNT(*) FROM csv_format//
