package dev.cairn.instances;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Run modes on PostgreSQL, whose lock is an advisory lock that leaves nothing behind.
 */
class PostgresRunModeTests extends AbstractRunModeTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.postgres();
    }

}
