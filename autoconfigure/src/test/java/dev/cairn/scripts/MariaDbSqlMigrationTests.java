package dev.cairn.scripts;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * SQL script migrations on MariaDB, each test in a database of its own.
 */
class MariaDbSqlMigrationTests extends AbstractSqlMigrationTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.mariadb();
    }

}
