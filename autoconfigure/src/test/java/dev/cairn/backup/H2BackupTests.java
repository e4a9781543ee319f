package dev.cairn.backup;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Backups on H2.
 */
class H2BackupTests extends AbstractBackupTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.h2(directory);
    }

    @Override
    protected boolean rollsBackDdl() {
        return false;
    }

}
