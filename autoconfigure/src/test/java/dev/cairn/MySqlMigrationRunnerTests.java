package dev.cairn;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * The runner's behaviour on MySQL, where a server is reachable through {@code CAIRN_TEST_MYSQL_URL}.
 */
class MySqlMigrationRunnerTests extends AbstractMigrationRunnerTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.mysql();
    }

    @Override
    protected boolean rollsBackDdl() {
        return false;
    }

}
