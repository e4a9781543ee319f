-- END and BEGIN are not reserved in MariaDB: columns may have those names.
CREATE TABLE period (id INT, begin DATE, end DATE, length_days INT);
CREATE TABLE period_log (period_id INT, begin DATE, end DATE);

CREATE TRIGGER period_length BEFORE INSERT ON period FOR EACH ROW
BEGIN
    SET NEW.length_days = DATEDIFF(NEW.end, NEW.begin);
    INSERT INTO period_log (period_id, begin, end) VALUES (NEW.id, NEW.begin, NEW.end);
    UPDATE period_log SET end = NEW.end WHERE period_id = NEW.id AND end IS NULL;
END;

INSERT INTO period (id, begin, end) VALUES (1, '2024-01-01', '2024-01-31');
SELECT end, begin FROM period WHERE end > begin;
