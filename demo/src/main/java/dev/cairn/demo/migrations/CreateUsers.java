package dev.cairn.demo.migrations;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;

import org.springframework.stereotype.Component;

/**
 * Version 1: the users table, with one demo user.
 */
@Component
public class CreateUsers implements Migration {

    @Override
    public long version() {
        return 1;
    }

    @Override
    public void up(MigrationContext context) {
        context.jdbc().execute("CREATE TABLE users (id " + context.dialect().identityColumn()
                + ", name VARCHAR(100) NOT NULL, email VARCHAR(200) NOT NULL UNIQUE)");
        context.jdbc().update("INSERT INTO users (name, email) VALUES (?, ?)", "Demo", "demo@example.com");
    }

    @Override
    public void down(MigrationContext context) {
        context.jdbc().execute("DROP TABLE users");
    }

}
