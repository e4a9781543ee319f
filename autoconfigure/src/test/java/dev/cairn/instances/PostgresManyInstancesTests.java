package dev.cairn.instances;

import java.nio.file.Path;
import java.time.Duration;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Many instances on one PostgreSQL schema; a killed holder's advisory lock dies with its session.
 */
class PostgresManyInstancesTests extends AbstractManyInstancesTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.postgres();
    }

    @Override
    protected Duration takeoverWithin() {
        return Duration.ofSeconds(15);
    }

}
