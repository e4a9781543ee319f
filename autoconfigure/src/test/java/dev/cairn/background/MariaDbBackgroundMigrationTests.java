package dev.cairn.background;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Background migrations on MariaDB.
 */
class MariaDbBackgroundMigrationTests extends AbstractBackgroundMigrationTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.mariadb();
    }

}
