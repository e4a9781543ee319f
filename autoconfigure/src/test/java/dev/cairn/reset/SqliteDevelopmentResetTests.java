package dev.cairn.reset;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * The development reset on an SQLite file, which it may always reset.
 */
class SqliteDevelopmentResetTests extends AbstractDevelopmentResetTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqliteWithForeignKeys(directory);
    }

}
