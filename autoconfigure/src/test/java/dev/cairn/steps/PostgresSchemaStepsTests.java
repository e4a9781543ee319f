package dev.cairn.steps;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Declarative steps on Postgres.
 */
class PostgresSchemaStepsTests extends AbstractSchemaStepsTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.postgres();
    }

    @Override
    protected Object uuid(String text) {
        return java.util.UUID.fromString(text);
    }

}
