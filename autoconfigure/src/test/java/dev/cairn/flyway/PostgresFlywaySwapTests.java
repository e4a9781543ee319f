package dev.cairn.flyway;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Swapping Spring Boot's Flyway integration for Cairn on PostgreSQL, in a schema of its own.
 */
class PostgresFlywaySwapTests extends AbstractFlywaySwapTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.postgres();
    }

}
