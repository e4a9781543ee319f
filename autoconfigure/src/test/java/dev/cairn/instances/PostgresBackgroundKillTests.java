package dev.cairn.instances;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * A backfill killed midway on PostgreSQL.
 */
class PostgresBackgroundKillTests extends AbstractBackgroundKillTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.postgres();
    }

}
