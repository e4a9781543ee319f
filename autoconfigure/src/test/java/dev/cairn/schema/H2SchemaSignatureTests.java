package dev.cairn.schema;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * The schema signature on H2.
 */
class H2SchemaSignatureTests extends AbstractSchemaSignatureTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.h2(directory);
    }

}
