package dev.cairn.schema;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * The schema signature on an SQLite file.
 */
class SqliteSchemaSignatureTests extends AbstractSchemaSignatureTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqlite(directory);
    }

}
