package dev.cairn.steps;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Declarative steps on H2.
 */
class H2SchemaStepsTests extends AbstractSchemaStepsTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.h2(directory);
    }

    @Override
    protected boolean rollsBackDdl() {
        return false;
    }

}
