package dev.cairn.backup;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Backups on MariaDB, where a failed migration's DDL is restored from its backup.
 */
class MariaDbBackupTests extends AbstractBackupTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.mariadb();
    }

    @Override
    protected boolean rollsBackDdl() {
        return false;
    }

}
