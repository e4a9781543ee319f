package dev.cairn.backup;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Backups on PostgreSQL.
 */
class PostgresBackupTests extends AbstractBackupTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.postgres();
    }

    @Override
    protected boolean rollsBackDdl() {
        return true;
    }

}
