package dev.cairn.background;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * Background migrations on H2.
 */
class H2BackgroundMigrationTests extends AbstractBackgroundMigrationTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.h2(directory);
    }

}
