package dev.cairn.demo.migrations;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;

import org.springframework.stereotype.Component;

/**
 * Version 2: the todos table, each todo belonging to a user.
 */
@Component
public class CreateTodos implements Migration {

    @Override
    public long version() {
        return 2;
    }

    @Override
    public void up(MigrationContext context) {
        context.jdbc().execute("CREATE TABLE todos (id " + context.dialect().identityColumn()
                + ", user_id BIGINT NOT NULL REFERENCES users (id), title VARCHAR(200) NOT NULL,"
                + " done BOOLEAN NOT NULL DEFAULT FALSE)");
        context.jdbc().update("INSERT INTO todos (user_id, title) SELECT id, ? FROM users WHERE email = ?",
                "Try Cairn", "demo@example.com");
        context.jdbc().update("INSERT INTO todos (user_id, title) SELECT id, ? FROM users WHERE email = ?",
                "Fix the urgent bug", "demo@example.com");
    }

    @Override
    public void down(MigrationContext context) {
        context.jdbc().execute("DROP TABLE todos");
    }

}
