CREATE TABLE product (id INT PRIMARY KEY, price DECIMAL(10, 2), price_band VARCHAR(10), updated_by VARCHAR(80));
CREATE TABLE price_audit (product_id INT, old_price DECIMAL(10, 2), new_price DECIMAL(10, 2), note VARCHAR(100));

-- A trigger with a compound body, written without a DELIMITER change.
CREATE DEFINER = CURRENT_USER TRIGGER product_price_audit
    BEFORE UPDATE ON product
    FOR EACH ROW
BEGIN
    IF NEW.price <> OLD.price THEN
        INSERT INTO price_audit VALUES (OLD.id, OLD.price, NEW.price, 'changed; audited');
    END IF;
    SET NEW.price_band = CASE
        WHEN NEW.price < 10 THEN 'low'
        WHEN NEW.price < 100 THEN 'mid'
        ELSE 'high'
    END;
    SET NEW.updated_by = IF(CURRENT_USER() IS NULL, 'nobody', CURRENT_USER());
END;

-- A trigger whose whole body is one statement.
CREATE TRIGGER product_band_on_insert BEFORE INSERT ON product FOR EACH ROW SET NEW.price_band = 'new';

-- A trigger whose body is an IF statement without BEGIN.
CREATE TRIGGER product_no_negative BEFORE INSERT ON product FOR EACH ROW FOLLOWS product_band_on_insert
    IF (NEW.price < 0) THEN
        SET NEW.price = 0;
    END IF;

INSERT INTO product (id, price) VALUES (1, -5.00);
UPDATE product SET price = 150.00 WHERE id = 1;
