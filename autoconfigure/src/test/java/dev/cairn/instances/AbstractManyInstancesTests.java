package dev.cairn.instances;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many instances of one application starting together against one database: in threads, as separate JVM processes,
 * and with the lock holder killed mid-run. Every migration's side effect happens exactly once and every instance
 * starts. Each database has a thin subclass.
 */
abstract class AbstractManyInstancesTests extends AbstractChildProcessTests {

    private static final int MIGRATIONS = 6;

    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    /**
     * How long the next instance may take to proceed after the lock holder was killed.
     * @return the bound
     */
    protected abstract Duration takeoverWithin();

    /**
     * Extra arguments for every instance, such as a short lease.
     * @return the arguments
     */
    protected List<String> instanceArguments() {
        return List.of();
    }

    @BeforeEach
    void createTables() {
        createHistoryAndSideEffects();
    }

    @Test
    void eightContextsStartedTogetherApplyEachMigrationOnce() throws Exception {
        int instances = 8;
        CyclicBarrier start = new CyclicBarrier(instances);
        ExecutorService executor = Executors.newFixedThreadPool(instances);
        // Spring Boot initializes its logging system once per application; eight at once in one JVM trip over it.
        System.setProperty(LOGGING_SYSTEM, "none");
        try {
            List<Future<ConfigurableApplicationContext>> contexts = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                String name = "thread-" + i;
                contexts.add(executor.submit(() -> {
                    start.await();
                    return InstanceApplication.start(arguments(name, MIGRATIONS, 50).toArray(String[]::new));
                }));
            }
            for (Future<ConfigurableApplicationContext> context : contexts) {
                context.get(3, TimeUnit.MINUTES).close();
            }
        }
        finally {
            executor.shutdownNow();
            System.clearProperty(LOGGING_SYSTEM);
        }
        assertEachMigrationAppliedOnce(MIGRATIONS);
    }

    @Test
    void threeProcessesStartedTogetherApplyEachMigrationOnce() throws Exception {
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            started.add(startProcess("process-" + i, MIGRATIONS, 100));
        }
        for (Process process : started) {
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as(output(process)).isZero();
            assertThat(output(process)).contains("INSTANCE READY");
        }
        assertEachMigrationAppliedOnce(MIGRATIONS);
        assertThat(this.database.jdbc().queryForList("SELECT DISTINCT instance FROM side_effects", String.class))
            .hasSize(1);
    }

    @Test
    void aKilledLockHolderDoesNotBlockTheNextInstance() throws Exception {
        Process holder = startProcess("killed", MIGRATIONS, 1500);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (appliedCount() < 1 && System.nanoTime() < deadline) {
            assertThat(holder.isAlive()).as(output(holder)).isTrue();
            Thread.sleep(50);
        }
        assertThat(appliedCount()).isGreaterThanOrEqualTo(1);
        holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long killedAt = System.nanoTime();
        int appliedByTheKilledOne = appliedCount();
        assertThat(appliedByTheKilledOne).isLessThan(MIGRATIONS);

        Process next = startProcess("next", MIGRATIONS, 10);
        assertThat(next.waitFor(3, TimeUnit.MINUTES)).isTrue();
        if (interruptedRows() > 0) {
            // Where DDL cannot roll back, the killed migration left a record: the next start names it and refuses
            // until it is repaired.
            assertThat(next.exitValue()).isNotZero();
            assertThat(output(next)).contains("Migration " + (appliedByTheKilledOne + 1) + " \"Slow step")
                .contains("was interrupted: it started at ")
                .contains("and never finished, so it may have left changes behind");
            assertThat(new dev.cairn.MigrationRunner(this.database.dataSource(), List.of()).repair()).hasSize(1);
            next = startProcess("next", MIGRATIONS, 10);
            assertThat(next.waitFor(3, TimeUnit.MINUTES)).isTrue();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThat(next.exitValue()).as(output(next)).isZero();
        assertEachMigrationAppliedOnce(MIGRATIONS);
        assertThat(this.database.jdbc().queryForObject(
                "SELECT COUNT(*) FROM side_effects WHERE instance = 'next'", Integer.class))
            .isEqualTo(MIGRATIONS - appliedByTheKilledOne);
        assertThat(took).isLessThan(takeoverWithin());
    }

    private int interruptedRows() {
        Integer count = this.database.jdbc().queryForObject(
                "SELECT COUNT(*) FROM cairn_migrations WHERE success = ? AND execution_time IS NULL", Integer.class,
                false);
        return (count != null) ? count : 0;
    }

    protected int appliedCount() {
        try {
            Integer count = this.database.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM cairn_migrations WHERE success = ?", Integer.class, true);
            return (count != null) ? count : 0;
        }
        catch (DataAccessException ex) {
            return 0;
        }
    }

    protected void assertEachMigrationAppliedOnce(int migrations) {
        assertThat(this.database.jdbc().queryForList("SELECT version FROM side_effects ORDER BY version", Long.class))
            .containsExactlyElementsOf(LongStream.rangeClosed(1, migrations).boxed().toList());
        assertThat(this.database.jdbc().queryForList("SELECT version FROM cairn_migrations ORDER BY version",
                Long.class))
            .containsExactlyElementsOf(LongStream.rangeClosed(1, migrations).boxed().toList());
    }

    private List<String> arguments(String name, int migrations, long pauseMillis) {
        List<String> arguments = new ArrayList<>();
        for (String property : this.database.springProperties()) {
            arguments.add("--" + property);
        }
        arguments.add("--instance.name=" + name);
        arguments.add("--instance.migrations=" + migrations);
        arguments.add("--instance.pause-ms=" + pauseMillis);
        arguments.add("--logging.level.root=WARN");
        arguments.add("--logging.level.dev.cairn=INFO");
        arguments.addAll(instanceArguments());
        return arguments;
    }

    /**
     * Starts an instance in a JVM of its own, its output going to a file that {@link #output(Process)} reads.
     * @param name the instance's name, recorded with its side effects
     * @param migrations how many migrations it has
     * @param pauseMillis how long each of them takes
     * @param extraArguments further arguments for this instance only
     * @return the process
     * @throws Exception when it cannot be started
     */
    protected Process startProcess(String name, int migrations, long pauseMillis, String... extraArguments)
            throws Exception {
        List<String> arguments = arguments(name, migrations, pauseMillis);
        arguments.addAll(List.of(extraArguments));
        return this.processes.start(name, arguments);
    }

    protected String output(Process process) {
        return this.processes.output(process);
    }

}
