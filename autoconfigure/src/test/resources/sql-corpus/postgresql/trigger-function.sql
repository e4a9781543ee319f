CREATE TABLE document (
    id bigserial PRIMARY KEY,
    title text NOT NULL,
    updated_at timestamptz
);

CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.updated_at := now();
    IF NEW.title = '' THEN
        RAISE EXCEPTION 'a document needs a title; got ''%''', NEW.title;
    END IF;
    RETURN NEW;
END;
$function$;

CREATE TRIGGER document_touch
    BEFORE INSERT OR UPDATE ON document
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

INSERT INTO document (title) VALUES ('first');
