package dev.cairn.instances;

import java.nio.file.Path;
import java.time.Duration;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Many instances on one MariaDB database; a killed holder's GET_LOCK dies with its session.
 */
class MariaDbManyInstancesTests extends AbstractManyInstancesTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.mariadb();
    }

    @Override
    protected Duration takeoverWithin() {
        return Duration.ofSeconds(30);
    }

}
