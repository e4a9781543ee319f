package dev.cairn.flyway;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Taking over from Flyway on an SQLite file.
 */
class SqliteFlywayTakeoverTests extends AbstractFlywayTakeoverTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqlite(directory);
    }

    @Override
    protected ZoneId flywayClockZone() {
        // Flyway's SQLite history table defaults installed_on to strftime('now'): UTC.
        return ZoneOffset.UTC;
    }

}
