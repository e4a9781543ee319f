CREATE TABLE event_log (id integer, kind text);

-- SQL-standard bodies (PostgreSQL 14+): the semicolons inside do not end the statement.
CREATE FUNCTION kind_of(n integer) RETURNS text
    LANGUAGE sql
    IMMUTABLE
BEGIN ATOMIC
    SELECT CASE WHEN n < 0 THEN 'negative' WHEN n = 0 THEN 'zero' ELSE 'positive' END;
END;

CREATE OR REPLACE PROCEDURE log_event(n integer)
    LANGUAGE sql
BEGIN ATOMIC
    INSERT INTO event_log VALUES (n, kind_of(n));
    INSERT INTO event_log VALUES (n + 1, CASE n WHEN 1 THEN 'one' ELSE 'other' END);
END;

-- A parameter may be named begin; array subscripts may come right before END.
CREATE FUNCTION first_or_second(items integer[], begin integer) RETURNS integer
    LANGUAGE sql
BEGIN ATOMIC
    SELECT CASE WHEN begin > 0 THEN items[1] ELSE items[2] END;
END;

CALL log_event(1);
SELECT first_or_second(ARRAY[1, 2], 1);
BEGIN;
INSERT INTO event_log VALUES (9, 'in a transaction');
COMMIT;
