-- A function whose body holds semicolons and a doubled quote, then one whose
-- tagged body holds a $$ string of its own.
CREATE TABLE greeting (
    id serial PRIMARY KEY,
    text text NOT NULL
);

CREATE OR REPLACE FUNCTION add_greeting(name text) RETURNS integer AS $$
DECLARE
    new_id integer;
BEGIN
    -- it's a comment; inside the body
    INSERT INTO greeting (text) VALUES ('it''s ' || name || '; welcome') RETURNING id INTO new_id;
    RETURN new_id;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION greeting_count() RETURNS bigint
LANGUAGE plpgsql
AS $body$
DECLARE
    total bigint;
BEGIN
    EXECUTE $$SELECT count(*) FROM greeting WHERE text <> ';'$$ INTO total;
    RETURN total;
END
$body$;

SELECT add_greeting('Ann');
SELECT greeting_count();
