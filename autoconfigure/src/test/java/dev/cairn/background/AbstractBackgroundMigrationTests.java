package dev.cairn.background;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.BackgroundMigration;
import dev.cairn.BackgroundMigrationInfo;
import dev.cairn.BackgroundMigrationListener;
import dev.cairn.BackgroundMigrationRunner;
import dev.cairn.BackgroundMigrationState;
import dev.cairn.BackgroundSettings;
import dev.cairn.BatchContext;
import dev.cairn.BatchResult;
import dev.cairn.Migration;
import dev.cairn.MigrationContext;
import dev.cairn.MigrationException;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationState;
import dev.cairn.Version;
import dev.cairn.actuate.MigrationsEndpoint;
import dev.cairn.testsupport.Items;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.dao.CannotAcquireLockException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What background migrations guarantee on every database: batches that commit with their cursor, every row
 * processed exactly once, one worker among instances, adaptive batch sizes, retries, pause and resume, and
 * migrations that wait for them. Each database has a thin subclass that only says how to reach it.
 */
abstract class AbstractBackgroundMigrationTests {

    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path directory;

    protected TestDatabase database;

    private final List<BackgroundMigrationRunner> runners = new ArrayList<>();

    private final List<HikariDataSource> pools = new ArrayList<>();

    protected abstract TestDatabase createDatabase(Path directory);

    @BeforeEach
    void createItems() throws Exception {
        this.database = createDatabase(this.directory);
        // The history table first, as an application's start creates it before any background migration runs.
        new MigrationRunner(this.database.dataSource(), List.of()).migrate();
        Items.create(this.database, 0);
    }

    @AfterEach
    void stopRunnersAndDropDatabase() {
        this.runners.forEach((runner) -> runner.stop(Duration.ofSeconds(30)));
        this.pools.forEach(HikariDataSource::close);
        if (this.database != null) {
            this.database.close();
        }
    }

    @Test
    void aBatchedUpdateProcessesEveryRowExactlyOnceInBatches() throws Exception {
        fill(5000);
        BackgroundMigrationRunner runner = runner(settings().withBatchSizes(300, 10, 300),
                doubling("1"));
        runner.start();
        assertThat(runner.awaitTermination(WAIT)).isTrue();
        assertThat(count("touched = 1")).as("every row once").isEqualTo(5000);
        assertThat(count("doubled = amount * 2")).isEqualTo(5000);
        BackgroundMigrationInfo info = single(runner);
        assertThat(info.state()).isEqualTo(BackgroundMigrationState.FINISHED);
        assertThat(info.rowsDone()).isEqualTo(5000);
        assertThat(info.rowsEstimate()).isEqualTo(5000);
        assertThat(info.percent()).isEqualTo(100);
        assertThat(info.batches()).as("batches of at most 300 keys").isGreaterThanOrEqualTo(17);
        assertThat(info.finishedAt()).isNotNull();
    }

    @Test
    void listenersHearOfEveryCommittedBatch() throws Exception {
        fill(1000);
        List<Long> rows = Collections.synchronizedList(new ArrayList<>());
        List<Duration> durations = Collections.synchronizedList(new ArrayList<>());
        BackgroundMigrationRunner runner = BackgroundMigrationRunner.builder(this.database.dataSource())
            .migrations(List.of(doubling("1")))
            .settings(settings().withBatchSizes(250, 250, 250))
            .listeners(List.of(new BackgroundMigrationListener() {
                @Override
                public void batchCommitted(String migration, int batchSize, long batchRows, Duration duration) {
                    assertThat(migration).isEqualTo("1");
                    assertThat(batchSize).isEqualTo(250);
                    rows.add(batchRows);
                    durations.add(duration);
                }
            }))
            .build();
        this.runners.add(runner);
        runner.start();
        assertThat(runner.awaitTermination(WAIT)).isTrue();
        assertThat(rows).as("four full batches and the last, empty one").containsExactly(250L, 250L, 250L, 250L, 0L);
        assertThat(durations).allSatisfy((duration) -> assertThat(duration).isPositive());
    }

    @Test
    void aStoppedWorkerLeavesTheMigrationRunningAtItsLastBatchAndTheNextOneResumesIt() throws Exception {
        fill(3000);
        CountDownLatch started = new CountDownLatch(1);
        BackgroundMigration doubling = doubling("1");
        BackgroundMigration slow = migration("1", (batch) -> {
            started.countDown();
            Thread.sleep(30);
            return doubling.migrateBatch(batch);
        });
        BackgroundMigrationRunner first = runner(settings().withBatchSizes(100, 100, 100), slow);
        first.start();
        assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();
        Thread.sleep(200);
        assertThat(first.stop(Duration.ofSeconds(30))).as("stops after the batch in flight").isTrue();
        BackgroundMigrationInfo stopped = single(first);
        assertThat(stopped.state()).isEqualTo(BackgroundMigrationState.RUNNING);
        assertThat(stopped.holder()).as("who ran it").contains("pid ");
        assertThat(count("touched = 1")).as("every committed batch, none half done")
            .isEqualTo((int) stopped.rowsDone());
        assertThat(stopped.rowsDone()).isBetween(100L, 2900L);

        BackgroundMigrationRunner next = runner(settings().withBatchSizes(100, 100, 100), doubling("1"));
        next.start();
        assertThat(next.awaitTermination(WAIT)).isTrue();
        assertThat(count("touched = 1")).isEqualTo(3000);
    }

    @Test
    void aBatchedUpdateOnlyTouchesTheRowsItsConditionSelects() throws Exception {
        fill(1000);
        this.database.jdbc().update("UPDATE items SET doubled = -1 WHERE id <= 400");
        BackgroundMigrationRunner runner = runner(settings().withBatchSizes(100, 10, 100), doubling("1"));
        runner.start();
        assertThat(runner.awaitTermination(WAIT)).isTrue();
        assertThat(count("doubled = -1 AND touched = 0")).isEqualTo(400);
        assertThat(count("doubled = amount * 2 AND touched = 1")).isEqualTo(600);
        assertThat(single(runner).rowsDone()).isEqualTo(600);
    }

    @Test
    void backgroundMigrationsRunOneAtATimeInIdOrder() throws Exception {
        fill(200);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        BackgroundMigrationRunner runner = runner(settings(), recording("2", order), recording("1.5", order),
                recording("10", order));
        runner.start();
        assertThat(runner.awaitTermination(WAIT)).isTrue();
        assertThat(order).containsExactly("1.5", "2", "10");
        assertThat(runner.status()).extracting(BackgroundMigrationInfo::id).containsExactly("1.5", "2", "10");
    }

    @Test
    void threeInstancesRunTheBatchesOnOneWorker() throws Exception {
        fill(3000);
        List<String> workers = Collections.synchronizedList(new ArrayList<>());
        List<BackgroundMigrationRunner> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String instance = "instance-" + i;
            BackgroundMigration doubling = doubling("1");
            BackgroundMigration tracked = migration("1", (batch) -> {
                workers.add(instance);
                Thread.sleep(5);
                return doubling.migrateBatch(batch);
            });
            instances.add(runner(ownPool(), settings().withBatchSizes(100, 100, 100), tracked));
        }
        instances.forEach(BackgroundMigrationRunner::start);
        for (BackgroundMigrationRunner instance : instances) {
            assertThat(instance.awaitTermination(WAIT)).isTrue();
        }
        assertThat(Set.copyOf(workers)).as("one worker").hasSize(1);
        assertThat(workers).as("30 batches of 100 keys and the last, empty one").hasSize(31);
        assertThat(count("touched = 1")).isEqualTo(3000);
    }

    @Test
    void theBatchSizeFollowsTheTargetBatchTime() throws Exception {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        // About 1 ms per 20 keys: batches of about 1000 keys take the 50 ms aimed at.
        BackgroundMigration timed = migration("1", (batch) -> {
            sizes.add(batch.batchSize());
            Thread.sleep(batch.batchSize() / 20);
            return (sizes.size() < 40) ? BatchResult.next(sizes.size(), batch.batchSize())
                    : BatchResult.finished(batch.batchSize());
        });
        BackgroundMigrationRunner runner = runner(
                settings().withBatchTime(Duration.ofMillis(50)).withBatchSizes(20, 10, 100_000), timed);
        runner.start();
        assertThat(runner.awaitTermination(WAIT)).isTrue();
        // Exact sizes are BatchSizerTests' business: here the times are real, and a loaded machine adds its own to
        // each batch, so only the direction and the neighbourhood are checked.
        assertThat(sizes.get(1)).as("grows while far below the target").isGreaterThan(20);
        assertThat(sizes.subList(30, 40)).as("settled in the neighbourhood of 1000").allSatisfy(
                (size) -> assertThat(size).isBetween(200, 4000));
    }

    @Test
    void aLockTimeoutIsRetriedWithASmallerBatchAndTheMigrationFinishes() throws Exception {
        fill(500);
        AtomicInteger failures = new AtomicInteger();
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        BackgroundMigration doubling = doubling("1");
        BackgroundMigration flaky = migration("1", (batch) -> {
            sizes.add(batch.batchSize());
            BatchResult result = doubling.migrateBatch(batch);
            if (batch.cursor() != null && failures.getAndIncrement() < 2) {
                throw new CannotAcquireLockException("lock wait timeout (simulated after the batch's update)");
            }
            return result;
        });
        BackgroundMigrationRunner runner = runner(settings().withBatchSizes(100, 10, 100), flaky);
        runner.start();
        assertThat(runner.awaitTermination(WAIT)).isTrue();
        assertThat(single(runner).state()).isEqualTo(BackgroundMigrationState.FINISHED);
        assertThat(count("touched = 1")).as("the failed attempts were rolled back").isEqualTo(500);
        assertThat(sizes.subList(1, 4)).as("halved after each conflict").containsExactly(100, 50, 25);
    }

    @Test
    void anErrorFailsTheMigrationKeepingItsCursorAndARetryResumesFromIt() throws Exception {
        fill(1000);
        AtomicInteger batches = new AtomicInteger();
        BackgroundMigration doubling = doubling("1");
        boolean[] broken = { true };
        BackgroundMigration failing = migration("1", (batch) -> {
            if (batches.incrementAndGet() == 4 && broken[0]) {
                batch.jdbc().update("UPDATE items SET touched = touched + 100");
                throw new IllegalStateException("amount out of range");
            }
            return doubling.migrateBatch(batch);
        });
        BackgroundMigrationRunner runner = runner(settings().withBatchSizes(100, 100, 100), failing);
        runner.start();
        awaitState(runner, BackgroundMigrationState.FAILED);
        BackgroundMigrationInfo failed = single(runner);
        assertThat(failed.cursor()).isEqualTo("300");
        assertThat(failed.rowsDone()).isEqualTo(300);
        assertThat(failed.lastError()).contains("amount out of range");
        assertThat(count("touched = 1")).as("the failed batch left nothing").isEqualTo(300);
        assertThat(count("touched = 0")).isEqualTo(700);
        broken[0] = false;
        assertThat(runner.retry("1")).extracting(BackgroundMigrationInfo::state)
            .isEqualTo(BackgroundMigrationState.RUNNING);
        assertThat(runner.awaitTermination(WAIT)).isTrue();
        assertThat(count("touched = 1")).isEqualTo(1000);
        assertThat(single(runner).lastError()).isNull();
        assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.retry("1"))
            .withMessageContaining("Background migration 1 cannot be retried: it is FINISHED");
    }

    @Test
    void aPausedMigrationKeepsItsCursorAndResumesThroughTheEndpoint() throws Exception {
        fill(2000);
        BackgroundMigration doubling = doubling("1");
        CountDownLatch threeCommitted = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        BackgroundMigration slow = migration("1", (batch) -> {
            if (batches.incrementAndGet() == 4) {
                threeCommitted.countDown();
            }
            Thread.sleep(50);
            return doubling.migrateBatch(batch);
        });
        BackgroundMigrationRunner runner = runner(settings().withBatchSizes(100, 100, 100), slow);
        MigrationsEndpoint endpoint = new MigrationsEndpoint(new MigrationRunner(this.database.dataSource(),
                List.of()), runner);
        runner.start();
        assertThat(threeCommitted.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(endpoint.background("background", "1", "pause").state())
            .isEqualTo(BackgroundMigrationState.PAUSED);
        Thread.sleep(300);
        BackgroundMigrationInfo paused = single(runner);
        Thread.sleep(300);
        assertThat(single(runner)).as("nothing moves while paused").isEqualTo(paused);
        assertThat(paused.state()).isEqualTo(BackgroundMigrationState.PAUSED);
        assertThat(paused.rowsDone()).isLessThan(2000);
        assertThat(count("touched = 1")).as("the batch in flight was rolled back or recorded")
            .isEqualTo((int) paused.rowsDone());
        assertThat(paused.cursor()).isEqualTo(String.valueOf(paused.rowsDone()));
        assertThat(runner.isRunning()).as("the worker waits for the resume").isTrue();
        assertThat(endpoint.background("background", "1", "resume").state())
            .isEqualTo(BackgroundMigrationState.RUNNING);
        assertThat(runner.awaitTermination(WAIT)).isTrue();
        assertThat(count("touched = 1")).isEqualTo(2000);
        assertThat(endpoint.migrations().background()).singleElement()
            .satisfies((migration) -> assertThat(migration.percent()).isEqualTo(100));
        assertThat(endpoint.background("background", "2", "pause")).as("no such migration").isNull();
        assertThat(endpoint.background("background", "1", "restart")).as("no such action").isNull();
    }

    @Test
    void aMigrationThatRequiresABackgroundMigrationWaitsForItThenApplies() throws Exception {
        fill(300);
        BackgroundMigrationRunner background = runner(settings().withBatchSizes(100, 10, 100), doubling("1"));
        List<Migration> migrations = List.of(sql(1, "CREATE TABLE first_step (id INTEGER)"),
                new Sql(2, "Step 2", "CREATE TABLE after_backfill (id INTEGER)").requiring("1"),
                sql(3, "CREATE TABLE last_step (id INTEGER)"));
        MigrationRunner runner = MigrationRunner.builder(this.database.dataSource())
            .migrations(migrations)
            .backgroundMigrations(background)
            .build();
        assertThat(runner.migrate().currentVersion()).isEqualTo(Version.of(1));
        assertThat(runner.status().migrations()).extracting((migration) -> migration.state())
            .containsExactly(MigrationState.APPLIED, MigrationState.PENDING, MigrationState.PENDING);
        BackgroundMigrationRunner started = BackgroundMigrationRunner.builder(this.database.dataSource())
            .migrations(List.of(doubling("1")))
            .settings(settings().withBatchSizes(100, 10, 100))
            .afterFinish(runner::migrate)
            .build();
        this.runners.add(started);
        started.start();
        assertThat(started.awaitTermination(WAIT)).isTrue();
        assertThat(count("touched = 1")).isEqualTo(300);
        assertThat(runner.status().currentVersion()).as("applied when the backfill finished")
            .isEqualTo(Version.of(3));
    }

    @Test
    void anSqlScriptThatRequiresABackgroundMigrationSaysSoInAComment() throws Exception {
        fill(200);
        java.nio.file.Path scripts = java.nio.file.Files.createDirectories(this.directory.resolve("scripts"));
        java.nio.file.Files.writeString(scripts.resolve("V1__first.sql"), "CREATE TABLE first_step (id INTEGER);\n");
        java.nio.file.Files.writeString(scripts.resolve("V2__after_backfill.sql"),
                "-- Needs every amount doubled.\n-- cairn:requires-background 1\n"
                        + "CREATE TABLE after_backfill (id INTEGER);\n");
        BackgroundMigrationRunner background = runner(settings(), doubling("1"));
        MigrationRunner runner = MigrationRunner.builder(this.database.dataSource())
            .settings(dev.cairn.MigrationSettings.defaults().withLocations(List.of("filesystem:" + scripts)))
            .backgroundMigrations(background)
            .build();
        assertThat(runner.migrate().currentVersion()).isEqualTo(Version.of(1));
        background.start();
        assertThat(background.awaitTermination(WAIT)).isTrue();
        assertThat(runner.migrate().currentVersion()).isEqualTo(Version.of(2));
        assertThat(this.database.hasTable("after_backfill")).isTrue();
    }

    @Test
    void aMigrationThatRequiresAnUnknownBackgroundMigrationIsRefusedNamingBoth() {
        MigrationRunner runner = MigrationRunner.builder(this.database.dataSource())
            .migrations(List.of(new Sql(1, "Step 1", "CREATE TABLE x (id INTEGER)").requiring("9")))
            .backgroundMigrations(runner(settings()))
            .build();
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::migrate)
            .withMessageContaining("Migration 1")
            .withMessageContaining("requires background migration 9, which is neither defined nor recorded in"
                    + " cairn_background_migrations");
    }

    @Test
    void aFinishedBackgroundMigrationStillSatisfiesMigrationsAfterItsCodeIsRemoved() throws Exception {
        fill(10);
        BackgroundMigrationRunner first = runner(settings(), doubling("1"));
        first.start();
        assertThat(first.awaitTermination(WAIT)).isTrue();
        MigrationRunner runner = MigrationRunner.builder(this.database.dataSource())
            .migrations(List.of(new Sql(1, "Step 1", "CREATE TABLE x (id INTEGER)").requiring("1.0")))
            .backgroundMigrations(runner(settings()))
            .build();
        assertThat(runner.migrate().applied()).as("1.0 is the version 1").hasSize(1);
    }

    @Test
    void theBackgroundTablesDoNotMakeAnEmptyDatabaseLookLikeOneWithASchema() throws Exception {
        this.database.jdbc().execute("DROP TABLE items");
        this.database.jdbc().execute("DROP TABLE cairn_migrations");
        BackgroundMigrationRunner background = runner(settings(), recording("1", new ArrayList<>()));
        background.start();
        assertThat(background.awaitTermination(WAIT)).isTrue();
        assertThat(this.database.hasTable("cairn_background_migrations")).isTrue();
        MigrationRunner runner = MigrationRunner.builder(this.database.dataSource())
            .migrations(List.of(sql(1, "CREATE TABLE first_step (id INTEGER)")))
            .backgroundMigrations(background)
            .build();
        assertThat(runner.migrate().applied()).hasSize(1);
    }

    @Test
    void theWorkerKeepsTryingWhileItCannotUseItsTableAndGoesOnOnceItCan() throws Exception {
        fill(500);
        // A table of that name that is not a state table: registering the migration fails until it is gone.
        this.database.jdbc().execute("CREATE TABLE cairn_background_migrations (unrelated INTEGER)");
        BackgroundMigrationRunner runner = runner(settings().withLease(Duration.ofMillis(300)), doubling("1"));
        runner.start();
        Thread.sleep(500);
        assertThat(runner.isRunning()).as("still trying").isTrue();
        assertThat(count("touched = 1")).isZero();
        this.database.jdbc().execute("DROP TABLE cairn_background_migrations");
        assertThat(runner.awaitTermination(WAIT)).isTrue();
        assertThat(count("touched = 1")).isEqualTo(500);
    }

    @Test
    void theApplicationsOwnWritesKeepWorkingDuringABackfill() throws Exception {
        fill(20_000);
        BackgroundMigrationRunner runner = runner(settings().withBatchTime(Duration.ofMillis(20)), doubling("1"));
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger writes = new AtomicInteger();
        try (HikariDataSource application = ownPool()) {
            runner.start();
            Thread writer = new Thread(() -> {
                org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(
                        application);
                while (runner.isRunning()) {
                    try {
                        jdbc.update("UPDATE items SET amount = amount WHERE id = ?", 1 + writes.get() % 20_000);
                        jdbc.queryForObject("SELECT amount FROM items WHERE id = ?", Integer.class, 7);
                        writes.incrementAndGet();
                    }
                    catch (RuntimeException ex) {
                        errors.add(ex);
                    }
                }
            });
            writer.start();
            assertThat(runner.awaitTermination(WAIT)).isTrue();
            writer.join();
        }
        assertThat(errors).as("no write failed, such as with 'database is locked'").isEmpty();
        assertThat(writes.get()).isPositive();
        assertThat(count("touched = 1")).isEqualTo(20_000);
    }

    protected BackgroundSettings settings() {
        return BackgroundSettings.defaults().withLease(Duration.ofSeconds(5));
    }

    protected BackgroundMigrationRunner runner(BackgroundSettings settings, BackgroundMigration... migrations) {
        return runner(this.database.dataSource(), settings, migrations);
    }

    private BackgroundMigrationRunner runner(javax.sql.DataSource dataSource, BackgroundSettings settings,
            BackgroundMigration... migrations) {
        BackgroundMigrationRunner runner = BackgroundMigrationRunner.builder(dataSource)
            .migrations(List.of(migrations))
            .settings(settings)
            .build();
        this.runners.add(runner);
        return runner;
    }

    private HikariDataSource ownPool() {
        HikariDataSource pool = this.database.newDataSource(3);
        this.pools.add(pool);
        return pool;
    }

    protected static BackgroundMigration doubling(String id) {
        return BackgroundMigration.update(id, "items")
            .set("doubled = amount * 2, touched = touched + 1")
            .where("doubled IS NULL");
    }

    private static BackgroundMigration recording(String id, List<String> order) {
        return migration(id, (batch) -> {
            order.add(id);
            return BatchResult.finished(0);
        });
    }

    private static BackgroundMigration migration(String id, Body body) {
        return new BackgroundMigration() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public BatchResult migrateBatch(BatchContext batch) throws Exception {
                return body.migrateBatch(batch);
            }
        };
    }

    /**
     * What a test's background migration does with one batch.
     */
    @FunctionalInterface
    private interface Body {

        BatchResult migrateBatch(BatchContext batch) throws Exception;

    }

    private BackgroundMigrationInfo single(BackgroundMigrationRunner runner) {
        List<BackgroundMigrationInfo> status = runner.status();
        assertThat(status).hasSize(1);
        return status.get(0);
    }

    private void awaitState(BackgroundMigrationRunner runner, BackgroundMigrationState state)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (single(runner).state() != state) {
            assertThat(System.nanoTime()).as("reached " + state).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    protected int count(String condition) {
        return Items.count(this.database, condition);
    }

    protected void fill(int rows) throws Exception {
        Items.fill(this.database, 1, rows);
    }

    private static Migration sql(long version, String sql) {
        return new Sql(version, "Step " + version, sql);
    }

}
