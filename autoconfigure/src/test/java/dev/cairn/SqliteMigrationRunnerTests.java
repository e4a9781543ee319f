package dev.cairn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestMigrations;
import dev.cairn.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The runner's behaviour on an SQLite file, and its lease lock.
 */
@ExtendWith(OutputCaptureExtension.class)
class SqliteMigrationRunnerTests extends AbstractMigrationRunnerTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqlite(directory);
    }

    @Override
    protected boolean rollsBackDdl() {
        return true;
    }

    @Test
    void takesOverALeaseWhoseHolderStoppedRenewingIt() {
        runner(log(1)).migrate();
        // What a holder that died leaves behind: its row, with a lease that ran out a second ago.
        leaseHeldBy("dead-host (pid 1)", -1000);
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(), List.of(log(1), log(2)),
                MigrationSettings.defaults().withLockWaitTimeout(Duration.ofSeconds(5)));
        assertThat(runner.migrate().applied()).extracting(TestMigrations::version).containsExactly(2L);
        assertThat(this.database.jdbc().queryForObject("SELECT COUNT(*) FROM cairn_migrations_lock", Integer.class))
            .as("the lock is released after the run")
            .isZero();
    }

    @Test
    void waitsForALiveHolderAndNamesItWhenGivingUp() {
        runner(log(1)).migrate();
        leaseHeldBy("busy-host (pid 7)", 60000);
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(), List.of(log(1), log(2)),
                MigrationSettings.defaults().withLockWaitTimeout(Duration.ofMillis(500)));
        org.assertj.core.api.Assertions.assertThatExceptionOfType(MigrationLockException.class)
            .isThrownBy(runner::migrate)
            .withMessageContaining("held by busy-host (pid 7)")
            .withMessageContaining("lease runs");
        assertThatExceptionOfType(MigrationLockException.class).isThrownBy(() -> runner.rollbackTo(0));
        assertThat(runner.isRunning()).as("a run that could not take the lock is over").isFalse();
        assertThat(logged()).containsExactly(1L);
    }

    @Test
    void logsWhoHoldsTheLockWhileWaiting(CapturedOutput output) {
        runner(log(1)).migrate();
        leaseHeldBy("busy-host (pid 7)", 60000);
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(), List.of(log(1), log(2)),
                MigrationSettings.defaults().withLockWaitTimeout(Duration.ofMillis(5600)));
        assertThatExceptionOfType(MigrationLockException.class).isThrownBy(runner::migrate);
        assertThat(output).contains("Waiting for the migration lock")
            .contains("held by busy-host (pid 7)")
            .contains("(5 s so far)");
    }

    @Test
    void logsTwoLinesAtInfoHoweverManyMigrationsItApplies(CapturedOutput output) {
        List<Migration> migrations = new java.util.ArrayList<>();
        for (int version = 1; version <= 12; version++) {
            migrations.add(log(version));
        }
        new MigrationRunner(this.database.dataSource(), migrations).migrate();
        assertThat(output).contains("Applying 12 migrations: 1 \"Log 1\", 2 \"Log 2\", 3 \"Log 3\"")
            .contains("10 \"Log 10\" and 2 more up to 12 \"Log 12\"")
            .contains("Migrated 12 migrations to version 12 in ")
            .doesNotContain("Applied migration");
        runner(log(1), log(2), log(3)).migrate();
        assertThat(output).contains("Schema is up to date at version 12");
    }

    private void leaseHeldBy(String owner, long expiresInMillis) {
        this.database.jdbc().update("INSERT INTO cairn_migrations_lock (id, owner, acquired_at, expires_at) VALUES"
                + " (1, ?, 0, CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER) + ?)", owner,
                expiresInMillis);
    }

}
