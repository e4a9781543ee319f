package dev.cairn.steps;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * A declared schema on H2.
 */
class H2DeclaredSchemaTests extends AbstractDeclaredSchemaTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.h2(directory);
    }

}
