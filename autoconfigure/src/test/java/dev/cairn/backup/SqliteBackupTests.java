package dev.cairn.backup;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Backups on an SQLite file, whose whole file is backed up.
 */
class SqliteBackupTests extends AbstractBackupTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqlite(directory);
    }

    @Override
    protected boolean rollsBackDdl() {
        return true;
    }

}
