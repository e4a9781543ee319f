CREATE TABLE setting (name VARCHAR(20) PRIMARY KEY, value VARCHAR(20));

-- MariaDB runs a compound statement outside any routine.
BEGIN NOT ATOMIC
    DECLARE n INT DEFAULT 0;
    FOR i IN 1..3 DO
        SET n = n + i;
    END FOR;
    IF NOT EXISTS (SELECT 1 FROM setting WHERE name = 'total') THEN
        INSERT INTO setting VALUES ('total', n);
    END IF;
END;

-- Transactions: a bare BEGIN is a statement of its own.
BEGIN;
INSERT INTO setting VALUES ('a', 'begin; end');
COMMIT;
BEGIN WORK;
UPDATE setting SET value = 'x' WHERE name = 'a';
ROLLBACK;
START TRANSACTION;
DELETE FROM setting WHERE name = 'a';
COMMIT;
