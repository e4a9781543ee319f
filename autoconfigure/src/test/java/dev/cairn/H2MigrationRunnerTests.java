package dev.cairn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import dev.cairn.testsupport.TestMigrations;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

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
    protected boolean rollsBackDdl() {
        return false;
    }

    @Test
    void aHolderWhoseLeaseWasTakenOverCommitsNoFurtherMigration() {
        Migration robbed = new Sql(2, "Robbed") {
            @Override
            public void up(MigrationContext context) {
                context.jdbc().update("INSERT INTO applied_log (version) VALUES (2)");
                // What a holder paused longer than its lease finds: another instance took the lease meanwhile.
                new JdbcTemplate(H2MigrationRunnerTests.this.database.dataSource()).update("UPDATE cairn_migrations_lock"
                        + " SET owner = 'other-host (pid 9)', expires_at = expires_at + 600000 WHERE id = 1");
            }
        };
        Migration third = log(3);
        assertThatExceptionOfType(MigrationFailedException.class)
            .isThrownBy(runner(log(1), robbed, third)::migrate)
            .withMessageContaining("Lost the migration lock")
            .withMessageContaining("now belongs to other-host (pid 9)");
        assertThat(logged()).as("the robbed migration's data was rolled back").containsExactly(1L);
        assertThat(TestMigrations.runs(third)).isZero();
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
