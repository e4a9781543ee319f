CREATE TABLE origin (id integer);
CREATE TABLE copy_a (id integer);
CREATE TABLE copy_b (id integer);
-- The actions of a rule are in parentheses, separated by semicolons.
CREATE RULE copy_rows AS ON INSERT TO origin DO ALSO (
    INSERT INTO copy_a VALUES (NEW.id);
    INSERT INTO copy_b VALUES (NEW.id)
);
INSERT INTO origin VALUES (1);
