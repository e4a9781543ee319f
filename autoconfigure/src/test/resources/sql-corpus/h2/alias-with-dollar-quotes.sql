// H2 takes // as a line comment; too
CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(40));
/* H2 nests block comments: /* inner; */ still a comment; */
CREATE ALIAS shout AS $$
String shout(String value) {
    // a Java comment; inside the source
    return value.toUpperCase() + "; !";
}
$$;
INSERT INTO person VALUES (1, 'it''s me; ann');
SELECT shout(name) FROM person WHERE "ID" = 1;
SELECT $$a dollar; string$$ AS s, `name` FROM person;
