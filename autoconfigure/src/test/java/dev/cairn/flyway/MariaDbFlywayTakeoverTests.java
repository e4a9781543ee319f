package dev.cairn.flyway;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Taking over from Flyway on MariaDB, each test in a database of its own.
 */
class MariaDbFlywayTakeoverTests extends AbstractFlywayTakeoverTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.mariadb();
    }

    @Override
    protected ZoneId flywayClockZone() {
        // installed_on is a TIMESTAMP, shown in the session's zone: the server's unless the driver is told otherwise.
        Integer offset = this.database.jdbc().queryForObject("SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW())",
                Integer.class);
        return ZoneOffset.ofTotalSeconds(offset);
    }

}
