-- Repeatable: applied again whenever this file changes.
DROP VIEW IF EXISTS todo_summary;

CREATE VIEW todo_summary AS
SELECT priority,
       COUNT(*) AS todos,
       SUM(CASE WHEN done THEN 1 ELSE 0 END) AS done
FROM todos
GROUP BY priority;
