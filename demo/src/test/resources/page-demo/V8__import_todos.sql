-- Version 8: the todos kept in the old tracker, read from its export in imported_todos. Fails until that table is
-- loaded, which is how the migrations page test shows a failed migration.
ALTER TABLE todos ADD COLUMN imported BOOLEAN NOT NULL DEFAULT FALSE;

INSERT INTO todos (user_id, title, imported)
SELECT users.id, imported_todos.title, TRUE
FROM imported_todos JOIN users ON users.email = imported_todos.email;
