package dev.cairn.scripts;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * SQL script migrations on PostgreSQL, each test in a schema of its own.
 */
class PostgresSqlMigrationTests extends AbstractSqlMigrationTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.postgres();
    }

}
