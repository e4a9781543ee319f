package dev.cairn.validation;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Validate and dry run on PostgreSQL.
 */
class PostgresValidateAndDryRunTests extends AbstractValidateAndDryRunTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.postgres();
    }

}
