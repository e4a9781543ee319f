package dev.cairn;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * The runner's behaviour on MariaDB, each test in a database of its own. DDL commits implicitly there.
 */
class MariaDbMigrationRunnerTests extends AbstractMigrationRunnerTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.mariadb();
    }

    @Override
    protected boolean rollsBackDdl() {
        return false;
    }

}
