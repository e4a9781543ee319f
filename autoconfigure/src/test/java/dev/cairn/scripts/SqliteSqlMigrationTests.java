package dev.cairn.scripts;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * SQL script migrations on an SQLite file.
 */
class SqliteSqlMigrationTests extends AbstractSqlMigrationTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqlite(directory);
    }

}
