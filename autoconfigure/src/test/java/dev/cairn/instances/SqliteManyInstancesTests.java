package dev.cairn.instances;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Many instances sharing one SQLite file; a killed holder's lease of 3 seconds runs out before another takes over.
 */
class SqliteManyInstancesTests extends AbstractManyInstancesTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqlite(directory);
    }

    @Override
    protected List<String> instanceArguments() {
        return List.of("--cairn.lock.lease=3s");
    }

    @Override
    protected Duration takeoverWithin() {
        return Duration.ofSeconds(30);
    }

}
