-- BEGIN and END can be column names in SQLite; new.end and SET end = ... are not the end of the body.
CREATE TABLE period (id INTEGER PRIMARY KEY, "begin" TEXT, "end" TEXT, days INTEGER);
CREATE TRIGGER period_days AFTER INSERT ON period
BEGIN
    UPDATE period SET days = julianday(new.end) - julianday(new.begin) WHERE id = new.id;
    UPDATE period SET end = coalesce(new.end, new.begin) WHERE id = new.id;
END;
INSERT INTO period (id, "begin", "end") VALUES (1, '2024-01-01', '2024-01-31');
