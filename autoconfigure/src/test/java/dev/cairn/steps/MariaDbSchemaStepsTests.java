package dev.cairn.steps;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Declarative steps on MariaDB.
 */
class MariaDbSchemaStepsTests extends AbstractSchemaStepsTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.mariadb();
    }

    @Override
    protected boolean rollsBackDdl() {
        return false;
    }

}
