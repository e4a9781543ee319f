package dev.cairn.instances;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.cairn.dialect.Dialects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed with SIGKILL while it rolls back or repairs: nothing is left half done. Where the database cannot
 * roll a migration's changes back, the interrupted migration is recorded and named on the next start. Each database
 * has a thin subclass.
 */
abstract class AbstractInterruptionTests extends AbstractChildProcessTests {

    /**
     * Whether a migration is recorded before it runs, as where DDL cannot roll back.
     * @return {@code true} for MariaDB and MySQL
     */
    protected abstract boolean recordsBeforeRunning();

    @BeforeEach
    void createTables() {
        createHistoryAndSideEffects();
    }

    @Test
    void aRollbackKilledWhileItRevertsLeavesNoPartialState() throws Exception {
        assertExitedNormally(start("migrate", 3, 10));
        Process rollback = start("rollback", 3, 60_000, "--cairn.enabled=false", "--instance.action=rollback");
        assertThat(this.processes.awaitOutput(rollback, "REVERTING 3", Duration.ofMinutes(1)))
            .as(this.processes.output(rollback)).isTrue();
        rollback.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(versions("SELECT version FROM side_effects")).as("down()'s changes were rolled back")
            .containsExactly(1L, 2L, 3L);
        if (recordsBeforeRunning()) {
            assertThat(rows("success = ? AND execution_time IS NULL", false)).as("migration 3 is INTERRUPTED")
                .containsExactly(3L);
            assertThat(rows("success = ?", true)).containsExactly(1L, 2L);
            Process next = start("next", 3, 10);
            assertThat(next.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(next.exitValue()).isNotZero();
            assertThat(this.processes.output(next)).contains("Migration 3 \"Slow step 3\"").contains("was interrupted");
        }
        else {
            assertThat(rows("success = ?", true)).as("the history is as it was").containsExactly(1L, 2L, 3L);
            assertExitedNormally(start("next", 3, 10));
        }
    }

    @Test
    void aRepairKilledBeforeItCommitsRemovesNothing() throws Exception {
        assertExitedNormally(start("migrate", 1, 10));
        this.database.jdbc().update("INSERT INTO cairn_migrations (installed_rank, version, description, type,"
                + " installed_on, installed_by, execution_time, success) VALUES (2, '2', 'Slow step 2', 'JAVA', ?,"
                + " 'someone', 5, ?)", Dialects.forProductName(this.database.kind()).timestamp(Instant.now()), false);
        Process repair = start("repair", 2, 10, "--cairn.enabled=false", "--instance.action=repair",
                "--instance.repair-pause-ms=60000");
        assertThat(this.processes.awaitOutput(repair, "REPAIRED, NOT COMMITTED", Duration.ofMinutes(1)))
            .as(this.processes.output(repair)).isTrue();
        repair.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(rows("success = ?", false)).as("the FAILED row is still there").containsExactly(2L);
        assertExitedNormally(start("repair", 2, 10, "--cairn.enabled=false", "--instance.action=repair"));
        assertThat(rows("success = ?", false)).isEmpty();
        assertExitedNormally(start("next", 2, 10));
        assertThat(rows("success = ?", true)).containsExactly(1L, 2L);
    }

    protected Process start(String name, int migrations, long pauseMillis, String... extra) throws Exception {
        List<String> arguments = new ArrayList<>();
        for (String property : this.database.springProperties()) {
            arguments.add("--" + property);
        }
        arguments.addAll(List.of("--instance.name=" + name, "--instance.migrations=" + migrations,
                "--instance.pause-ms=" + pauseMillis, "--logging.level.root=WARN", "--logging.level.dev.cairn=INFO"));
        arguments.addAll(List.of(extra));
        return this.processes.start(name, arguments);
    }

    protected void assertExitedNormally(Process process) throws InterruptedException {
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(this.processes.output(process)).isZero();
    }

    protected List<Long> rows(String condition, Object value) {
        return versions("SELECT version FROM cairn_migrations WHERE " + condition, value);
    }

    protected List<Long> versions(String query, Object... arguments) {
        return this.database.jdbc().queryForList(query, Long.class, arguments).stream().sorted().toList();
    }

}
