-- Version 5, written in SQL: the dashboard lists a user's todos.
CREATE INDEX todos_by_user ON todos (user_id);
