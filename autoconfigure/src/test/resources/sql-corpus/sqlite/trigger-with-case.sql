CREATE TABLE stock (id INTEGER PRIMARY KEY, quantity INTEGER NOT NULL, level TEXT);
CREATE TABLE stock_log (stock_id INTEGER, message TEXT);

-- The body's statements end with semicolons, and its CASE expressions end with END.
CREATE TRIGGER stock_level AFTER UPDATE OF quantity ON stock
WHEN CASE WHEN new.quantity < 0 THEN 0 ELSE 1 END = 1
BEGIN
    UPDATE stock SET level = CASE
        WHEN new.quantity = 0 THEN 'empty'
        WHEN new.quantity < 10 THEN 'low'
        ELSE 'ok'
    END WHERE id = new.id;
    INSERT INTO stock_log VALUES (new.id, 'quantity; now ' || new.quantity || CASE WHEN new.quantity < 10 THEN '!' END);
END;

CREATE TEMP TRIGGER IF NOT EXISTS stock_insert_log AFTER INSERT ON stock
BEGIN
    INSERT INTO stock_log VALUES (new.id, 'inserted');
END;

create temporary trigger stock_delete_log after delete on stock begin
    insert into stock_log values (old.id, 'deleted; gone');
end;

INSERT INTO stock (id, quantity) VALUES (1, 20);
UPDATE stock SET quantity = 5 WHERE id = 1;
DELETE FROM stock WHERE id = 1;
