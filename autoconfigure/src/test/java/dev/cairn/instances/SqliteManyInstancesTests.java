package dev.cairn.instances;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many instances sharing one SQLite file, which they lock with a file beside it: a holder keeps the lock however
 * long it migrates or is paused, and a killed holder's lock is released by the operating system at once. Every
 * instance is given a lease of two seconds, which must not matter.
 */
class SqliteManyInstancesTests extends AbstractManyInstancesTests {

    private static final Duration LEASE = Duration.ofSeconds(2);

    private static final int SLOW_MIGRATIONS = 8;

    private static final long SLOW_MIGRATION_MILLIS = 700;

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqlite(directory);
    }

    @Override
    protected List<String> instanceArguments() {
        return List.of("--cairn.lock.lease=" + LEASE.toSeconds() + "s");
    }

    @Override
    protected Duration takeoverWithin() {
        return Duration.ofSeconds(15);
    }

    @ParameterizedTest(name = "{0} processes, journal_mode={1}")
    @CsvSource({ "2, delete", "3, wal" })
    void processesWhoseMigrationsOutlastTheLeaseNeverMigrateAtOnce(int instances, String journalMode)
            throws Exception {
        assertThat(this.database.jdbc().queryForObject("PRAGMA journal_mode=" + journalMode, String.class))
            .isEqualTo(journalMode);
        createIntervalsTable();
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            started.add(startSlowProcess("process-" + i));
        }
        for (Process process : started) {
            assertExitedNormally(process);
        }
        assertEachMigrationAppliedOnce(SLOW_MIGRATIONS);
        assertNoTwoInstancesMigratedAtOnce();
    }

    @Test
    void aHolderPausedLongerThanTheLeaseKeepsTheLockWhileTheNextInstanceWaits() throws Exception {
        // Readers never wait for a paused writer in WAL mode, so neither the waiter nor this test is held up by the
        // write lock the paused holder may have.
        assertThat(this.database.jdbc().queryForObject("PRAGMA journal_mode=WAL", String.class)).isEqualTo("wal");
        createIntervalsTable();
        Process holder = startSlowProcess("holder");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (appliedCount() < 1 && System.nanoTime() < deadline) {
            assertThat(holder.isAlive()).as(output(holder)).isTrue();
            Thread.sleep(20);
        }
        signal("STOP", holder);
        long pausedAt = System.nanoTime();
        int applied = appliedCount();
        int effects = sideEffects();
        assertThat(applied).isBetween(1, SLOW_MIGRATIONS - 1);

        Process waiter = startSlowProcess("waiter");
        String waitingLine = "Waiting for the migration lock \\S+-cairn\\.lock held by .*\\(pid " + holder.pid()
                + "\\b.*\\), since \\S+ \\(\\d+ s so far\\)";
        deadline = pausedAt + TimeUnit.MINUTES.toNanos(1);
        while ((!output(waiter).matches("(?s).*" + waitingLine + ".*")
                || System.nanoTime() - pausedAt < 3 * LEASE.toNanos()) && System.nanoTime() < deadline) {
            assertThat(waiter.isAlive()).as(output(waiter)).isTrue();
            assertThat(sideEffects()).as("side effects while the holder is paused").isEqualTo(effects);
            assertThat(appliedCount()).as("migrations applied while the holder is paused").isEqualTo(applied);
            Thread.sleep(100);
        }
        assertThat(output(waiter)).containsPattern(waitingLine);
        assertThat(Duration.ofNanos(System.nanoTime() - pausedAt)).isGreaterThan(LEASE.multipliedBy(3));
        signal("CONT", holder);

        assertExitedNormally(holder);
        assertExitedNormally(waiter);
        assertEachMigrationAppliedOnce(SLOW_MIGRATIONS);
        assertNoTwoInstancesMigratedAtOnce();
        assertThat(this.database.jdbc().queryForList("SELECT DISTINCT instance FROM side_effects", String.class))
            .as("the holder kept the lock and applied every migration")
            .containsExactly("holder");
    }

    private Process startSlowProcess(String name) throws Exception {
        return startProcess(name, SLOW_MIGRATIONS, SLOW_MIGRATION_MILLIS, "--instance.intervals=true");
    }

    private void createIntervalsTable() {
        this.database.jdbc().execute("CREATE TABLE intervals (version BIGINT NOT NULL, instance VARCHAR(50) NOT NULL,"
                + " started_at_ms BIGINT NOT NULL, ended_at_ms BIGINT NOT NULL)");
    }

    private int sideEffects() {
        Integer count = this.database.jdbc().queryForObject("SELECT COUNT(*) FROM side_effects", Integer.class);
        return (count != null) ? count : 0;
    }

    private void assertExitedNormally(Process process) throws InterruptedException {
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output(process)).isTrue();
        assertThat(process.exitValue()).as(output(process)).isZero();
        assertThat(output(process)).contains("INSTANCE READY")
            .doesNotContain("Lost the migration lock")
            .doesNotContain("Took over the lease row");
    }

    /**
     * Sorted by when they began, each migration began after the one before it ended, and each instance's migrations
     * form one unbroken run.
     */
    private void assertNoTwoInstancesMigratedAtOnce() {
        List<Map<String, Object>> intervals = this.database.jdbc()
            .queryForList("SELECT version, instance, started_at_ms, ended_at_ms FROM intervals"
                    + " ORDER BY started_at_ms, version");
        assertThat(intervals).hasSize(SLOW_MIGRATIONS);
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            Map<String, Object> interval = intervals.get(i);
            if (i > 0) {
                Map<String, Object> previous = intervals.get(i - 1);
                assertThat(((Number) interval.get("started_at_ms")).longValue())
                    .as("migration %s began before migration %s ended: %s", interval.get("version"),
                            previous.get("version"), intervals)
                    .isGreaterThanOrEqualTo(((Number) previous.get("ended_at_ms")).longValue());
            }
            String instance = (String) interval.get("instance");
            if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(instance)) {
                runs.add(instance);
            }
        }
        assertThat(runs).as("instances in the order they migrated: %s", intervals).doesNotHaveDuplicates();
    }

    private static void signal(String signal, Process process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -%s %s", signal, process.pid()).isZero();
    }

}
