package dev.cairn.scripts;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * SQL script migrations on an H2 file database.
 */
class H2SqlMigrationTests extends AbstractSqlMigrationTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.h2(directory);
    }

}
