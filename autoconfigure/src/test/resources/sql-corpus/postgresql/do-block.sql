CREATE TABLE account (id integer PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);

/* Seed a few rows; the block
   below has semicolons everywhere. */
DO $do$
DECLARE
    i integer;
BEGIN
    FOR i IN 1..3 LOOP
        INSERT INTO account (id, balance) VALUES (i, i * 10);
    END LOOP;
    IF (SELECT count(*) FROM account) <> 3 THEN
        RAISE EXCEPTION 'expected 3 accounts; found %', (SELECT count(*) FROM account);
    END IF;
    RAISE NOTICE 'done: a $$ inside is not the end; the tag is';
END
$do$;

DO LANGUAGE plpgsql $$
BEGIN
    UPDATE account SET balance = balance + 1 WHERE id = 1;
END $$;
