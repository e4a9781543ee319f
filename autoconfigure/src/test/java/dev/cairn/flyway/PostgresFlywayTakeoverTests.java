package dev.cairn.flyway;

import java.nio.file.Path;
import java.time.ZoneId;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Taking over from Flyway on PostgreSQL, each test in a schema of its own.
 */
class PostgresFlywayTakeoverTests extends AbstractFlywayTakeoverTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.postgres();
    }

    @Override
    protected ZoneId flywayClockZone() {
        // installed_on is a TIMESTAMP defaulting to now() in the session's zone, which the driver sets to the JVM's.
        return ZoneId.systemDefault();
    }

}
