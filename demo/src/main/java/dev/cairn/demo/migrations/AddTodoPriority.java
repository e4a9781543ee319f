package dev.cairn.demo.migrations;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;

import org.springframework.stereotype.Component;

/**
 * Version 3: a priority column with a default, backfilled from the titles of existing todos.
 */
@Component
public class AddTodoPriority implements Migration {

    @Override
    public long version() {
        return 3;
    }

    @Override
    public void up(MigrationContext context) {
        context.jdbc().execute("ALTER TABLE todos ADD COLUMN priority INTEGER NOT NULL DEFAULT 2");
        context.jdbc().update("UPDATE todos SET priority = 1 WHERE LOWER(title) LIKE ?", "%urgent%");
    }

    @Override
    public void down(MigrationContext context) {
        // The summary view of R__todo_summary.sql counts todos by priority: neither SQLite nor PostgreSQL drops a
        // column a view reads, so the view goes first. The script creates it again when it next changes.
        context.jdbc().execute("DROP VIEW IF EXISTS todo_summary");
        context.jdbc().execute("ALTER TABLE todos DROP COLUMN priority");
    }

}
