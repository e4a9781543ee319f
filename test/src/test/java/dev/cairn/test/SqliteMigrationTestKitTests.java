package dev.cairn.test;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/**
 * The kit's checks on SQLite files.
 */
class SqliteMigrationTestKitTests extends AbstractMigrationTestKitTests {

    @TempDir
    Path directory;

    @Override
    TestDatabaseFactory databases() {
        return TestDatabaseFactory.sqlite(this.directory);
    }

}
