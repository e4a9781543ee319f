package dev.cairn.background;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Background migrations on an SQLite file, opened as Cairn's auto-configured SQLite data source opens it.
 */
class SqliteBackgroundMigrationTests extends AbstractBackgroundMigrationTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqliteAsConfigured(directory);
    }

}
