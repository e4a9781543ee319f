package dev.cairn.demo.migrations;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;
import dev.cairn.dialect.MariaDbDialect;

import org.springframework.stereotype.Component;

/**
 * Version 4: an index for the dashboard's "open todos by priority" query.
 */
@Component
public class IndexTodosByPriority implements Migration {

    @Override
    public long version() {
        return 4;
    }

    @Override
    public void up(MigrationContext context) {
        context.jdbc().execute("CREATE INDEX todos_by_priority ON todos (done, priority)");
    }

    @Override
    public void down(MigrationContext context) {
        // MariaDB and MySQL name the table an index belongs to.
        boolean mysql = context.dialect() instanceof MariaDbDialect;
        context.jdbc().execute("DROP INDEX todos_by_priority" + (mysql ? " ON todos" : ""));
    }

}
