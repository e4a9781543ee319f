package dev.cairn;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * The runner's behaviour on an SQLite file.
 */
class SqliteMigrationRunnerTests extends AbstractMigrationRunnerTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqlite(directory);
    }

    @Override
    protected boolean rollsBackDdl() {
        return true;
    }

}
