package dev.cairn.instances;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Killed rollbacks and repairs on PostgreSQL.
 */
class PostgresInterruptionTests extends AbstractInterruptionTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.postgres();
    }

    @Override
    protected boolean recordsBeforeRunning() {
        return false;
    }

}
