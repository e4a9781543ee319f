package dev.cairn.flyway;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Swapping Spring Boot's Flyway integration for Cairn on an SQLite file.
 */
class SqliteFlywaySwapTests extends AbstractFlywaySwapTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqlite(directory);
    }

}
