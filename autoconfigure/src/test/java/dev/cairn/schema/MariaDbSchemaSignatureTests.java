package dev.cairn.schema;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * The schema signature on MariaDB.
 */
class MariaDbSchemaSignatureTests extends AbstractSchemaSignatureTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.mariadb();
    }

    @Override
    protected String dropIndex(String table, String index) {
        return "DROP INDEX " + index + " ON " + table;
    }

}
