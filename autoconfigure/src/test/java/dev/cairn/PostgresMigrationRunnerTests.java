package dev.cairn;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
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
    void recordsInstalledOnFromTheDatabaseClockInTheMigrationsTransaction() {
        // CURRENT_TIMESTAMP is the transaction's start: the same value in the migration and in its history row
        // only when the row takes it from the database rather than from the application's clock.
        this.database.jdbc().execute("CREATE TABLE clock_probe (seen TIMESTAMPTZ NOT NULL)");
        runner(new Sql(1, "Probe the clock", "INSERT INTO clock_probe (seen) VALUES (CURRENT_TIMESTAMP)")).migrate();
        assertThat(this.database.jdbc().queryForObject("SELECT COUNT(*) FROM cairn_migrations h JOIN clock_probe p"
                + " ON h.installed_on = p.seen WHERE h.version = '1'", Integer.class)).isOne();
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
    void leavesTheSessionsOwnLockTimeoutOnPooledConnections() throws Exception {
        String url = this.database.url() + "&options=-c%20lock_timeout%3D7s";
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(url);
            pool.setUsername(this.database.username());
            pool.setPassword(this.database.password());
            pool.setMaximumPoolSize(3);
            new MigrationRunner(pool, List.of(log(1), log(2))).migrate();
            List<Connection> connections = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    connections.add(pool.getConnection());
                }
                for (Connection connection : connections) {
                    try (Statement statement = connection.createStatement();
                            ResultSet rs = statement.executeQuery("SHOW lock_timeout")) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo("7s");
                    }
                }
            }
            finally {
                for (Connection connection : connections) {
                    connection.close();
                }
            }
        }
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
