package dev.cairn.instances;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Killed rollbacks and repairs on an SQLite file.
 */
class SqliteInterruptionTests extends AbstractInterruptionTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqlite(directory);
    }

    @Override
    protected boolean recordsBeforeRunning() {
        return false;
    }

}
