package dev.cairn;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import dev.cairn.testsupport.TestMigrations.NonTransactional;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner's behaviour on PostgreSQL, each test in a schema of its own, and what is particular to PostgreSQL.
 */
class PostgresMigrationRunnerTests extends AbstractMigrationRunnerTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.postgres();
    }

    @Override
    protected String dropSchema(String schema) {
        return "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
    }

    @Override
    protected boolean rollsBackDdl() {
        return true;
    }

    @Test
    void keepsTheHistoryTableInTheConnectionsCurrentSchema() {
        runner(log(1)).migrate();
        String currentSchema = this.database.jdbc().queryForObject("SELECT current_schema()", String.class);
        assertThat(this.database.jdbc().queryForList(
                "SELECT table_schema FROM information_schema.tables WHERE table_name = 'cairn_migrations'"
                        + " AND table_schema IN (current_schema(), 'public')",
                String.class)).containsExactly(currentSchema);
    }


    @Test
    void createsAnIndexConcurrentlyUnderTheAdvisoryLock() {
        this.database.jdbc().execute("CREATE TABLE items (id INTEGER, name TEXT)");
        AtomicInteger autoCommit = new AtomicInteger();
        runner(log(1), new NonTransactional(2, "Index items concurrently",
                "CREATE INDEX CONCURRENTLY items_name ON items (name)", autoCommit)).migrate();
        assertThat(this.database.jdbc().queryForObject(
                "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'items_name'", Integer.class)).isOne();
        assertThat(this.database.jdbc().queryForObject("SELECT COUNT(*) FROM pg_locks l JOIN pg_stat_activity a"
                + " ON a.pid = l.pid WHERE l.locktype = 'advisory' AND a.application_name = current_setting("
                + "'application_name')", Integer.class)).as("the advisory lock is released").isZero();
    }

    @Test
    void aTransactionalIndexConcurrentlyFailsCleanlyAndNamesTheMigration() {
        this.database.jdbc().execute("CREATE TABLE items (id INTEGER, name TEXT)");
        MigrationRunner runner = runner(new Sql(1, "Index items", "CREATE INDEX CONCURRENTLY items_name ON items (name)"));
        org.assertj.core.api.Assertions.assertThatExceptionOfType(MigrationFailedException.class)
            .isThrownBy(runner::migrate)
            .withMessageContaining("Migration 1 \"Index items\"")
            .withMessageContaining("cannot run inside a transaction block");
    }

}
