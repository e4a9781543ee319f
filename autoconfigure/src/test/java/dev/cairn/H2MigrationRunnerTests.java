package dev.cairn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The runner's behaviour on an H2 file database, where DDL commits and a lease row locks.
 */
@ExtendWith(OutputCaptureExtension.class)
class H2MigrationRunnerTests extends AbstractMigrationRunnerTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.h2(directory);
    }

    @Override
    protected String dropSchema(String schema) {
        return "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
    }

    @Override
    protected boolean rollsBackDdl() {
        return false;
    }

    @Test
    void takesOverALeaseWhoseHolderStoppedRenewingIt() {
        runner(log(1)).migrate();
        // What a holder that died leaves behind: its row, with a lease that ran out a second ago.
        leaseHeldBy("dead-host (pid 1)", -1000);
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(), List.of(log(1), log(2)),
                MigrationSettings.defaults().withLockWaitTimeout(Duration.ofSeconds(5)));
        assertThat(runner.migrate().applied()).extracting(MigrationInfo::version).containsExactly(2L);
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
        assertThatExceptionOfType(MigrationLockException.class).isThrownBy(runner::migrate)
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

    private void leaseHeldBy(String owner, long expiresInMillis) {
        this.database.jdbc().update("INSERT INTO cairn_migrations_lock (id, owner, acquired_at, expires_at) VALUES"
                + " (1, ?, 0, CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT) + ?)", owner,
                expiresInMillis);
    }

}
