CREATE TABLE counter (name VARCHAR(20) PRIMARY KEY, value INT NOT NULL);

CREATE PROCEDURE fill_counters(IN how_many INT)
MODIFIES SQL DATA
COMMENT 'fills; counts'
BEGIN
    DECLARE i INT DEFAULT 0;
    outer_block: BEGIN
        WHILE i < how_many DO
            SET i = i + 1;
            INSERT INTO counter VALUES (CONCAT('c', i), 0);
        END WHILE;
        REPEAT
            SET i = i - 1;
        UNTIL i <= 0 END REPEAT;
        counting: LOOP
            SET i = i + 1;
            IF i >= 3 THEN
                LEAVE counting;
            ELSEIF i = 2 THEN
                ITERATE counting;
            ELSE
                UPDATE counter SET value = value + 1 WHERE name = 'c1';
            END IF;
        END LOOP counting;
        CASE i
            WHEN 3 THEN UPDATE counter SET value = value + 10 WHERE name = 'c1';
            ELSE BEGIN
                UPDATE counter SET value = -1;
            END;
        END CASE;
    END outer_block;
END;

CREATE FUNCTION padded(word VARCHAR(20), width INT) RETURNS VARCHAR(100) DETERMINISTIC NO SQL
RETURN CONCAT(REPEAT('.', width - CHAR_LENGTH(word)), word);

CREATE OR REPLACE FUNCTION describe_value(v INT) RETURNS VARCHAR(20) DETERMINISTIC NO SQL
BEGIN
    DECLARE result VARCHAR(20);
    IF (v > 0 AND v < 10) THEN
        SET result = CASE WHEN v = 1 THEN 'one' ELSE 'few' END;
    ELSE
        SET result = IF(v = 0, 'none', 'many');
    END IF;
    RETURN result;
END;

CREATE EVENT IF NOT EXISTS reset_counters
    ON SCHEDULE EVERY 1 DAY
    DISABLE
    DO BEGIN
        UPDATE counter SET value = 0;
        DELETE FROM counter WHERE value < 0;
    END;

CALL fill_counters(3);
SELECT padded('x', 4), describe_value(1), describe_value(0), describe_value(20);
