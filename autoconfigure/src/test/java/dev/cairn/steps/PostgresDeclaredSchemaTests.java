package dev.cairn.steps;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * A declared schema on Postgres.
 */
class PostgresDeclaredSchemaTests extends AbstractDeclaredSchemaTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.postgres();
    }

}
