package dev.cairn;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * The runner's behaviour on PostgreSQL, each test in a schema of its own.
 */
class PostgresMigrationRunnerTests extends AbstractMigrationRunnerTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.postgres();
    }

    @Override
    protected boolean rollsBackDdl() {
        return true;
    }

}
