package dev.cairn.actuate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;
import dev.cairn.MigrationException;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationSettings;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import dev.cairn.testsupport.TestMigrations.Failing;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that the page says where the schema stands as the {@code migrations} health indicator does, on a real
 * database in each situation.
 */
class MigrationsOverviewTests {

    @TempDir
    Path directory;

    private TestDatabase database;

    @BeforeEach
    void open() {
        // A database with transactional DDL: on one without, the row of a migration under way reads as INTERRUPTED.
        this.database = TestDatabases.sqlite(this.directory);
    }

    @AfterEach
    void close() {
        this.database.close();
    }

    @Test
    void pendingBeforeTheFirstMigrate() {
        MigrationRunner runner = runner(MigrationSettings.defaults(), create(1), create(2));

        assertSchema(runner, SchemaState.PENDING);
        assertThat(overview(runner).pending()).hasSize(2);
    }

    @Test
    void upOnceMigrated() {
        MigrationRunner runner = runner(MigrationSettings.defaults(), create(1), create(2));
        runner.migrate();

        assertSchema(runner, SchemaState.UP);
    }

    @Test
    void upWhenWhatIsPendingIsAboveTheTarget() {
        MigrationRunner runner = runner(MigrationSettings.defaults().withTarget(1), create(1), create(2));
        runner.migrate();

        assertSchema(runner, SchemaState.UP);
        MigrationsOverview overview = overview(runner);
        assertThat(overview.pending()).isEmpty();
        assertThat(overview.aboveTarget(overview.migrations().migrations().get(1))).isTrue();
    }

    @Test
    void failedAfterAMigrationFailed() {
        MigrationRunner runner = runner(MigrationSettings.defaults(), create(1), new Failing(2, "Break things"),
                create(3));
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::migrate);

        assertSchema(runner, SchemaState.FAILED);
        MigrationsOverview overview = overview(runner);
        assertThat(overview.failed()).singleElement().satisfies((migration) -> {
            assertThat(migration.version()).isEqualTo("2");
            assertThat(overview.failedLast(migration)).isTrue();
        });
    }

    @Test
    void migratingWhileAMigrationRuns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Migration slow = new Migration() {

            @Override
            public long version() {
                return 2;
            }

            @Override
            public void up(MigrationContext context) throws Exception {
                started.countDown();
                release.await(30, TimeUnit.SECONDS);
            }

        };
        MigrationRunner runner = runner(MigrationSettings.defaults(), create(1), slow, create(3));
        CompletableFuture<?> run = CompletableFuture.runAsync(runner::migrate);
        try {
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            assertSchema(runner, SchemaState.MIGRATING);
        }
        finally {
            release.countDown();
            run.get(30, TimeUnit.SECONDS);
        }
        assertSchema(runner, SchemaState.UP);
    }

    @Test
    void upWithPendingMigrationsThisInstanceWillNotApply() {
        MigrationRunner runner = runner(MigrationSettings.defaults(), create(1), create(2));
        assertThat(MigrationsOverview.of(new MigrationsEndpoint(runner), runner, false, Instant.now()).schema())
            .isEqualTo(SchemaState.UP);
        assertThat(new MigrationsHealthIndicator(runner, false).health().getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void migratingWhereTheRunningMigrationIsRecordedBeforeItRuns() throws Exception {
        this.database.close();
        this.database = TestDatabases.h2(this.directory);
        migratingWhileAMigrationRuns();
    }

    private void assertSchema(MigrationRunner runner, SchemaState expected) {
        assertThat(overview(runner).schema()).isEqualTo(expected);
        assertThat(new MigrationsHealthIndicator(runner, true).health().getStatus().getCode())
            .isEqualTo(expected.health());
    }

    private static MigrationsOverview overview(MigrationRunner runner) {
        return MigrationsOverview.of(new MigrationsEndpoint(runner), runner, true, Instant.now());
    }

    private MigrationRunner runner(MigrationSettings settings, Migration... migrations) {
        return new MigrationRunner(this.database.dataSource(), List.of(migrations), settings);
    }

    private static Sql create(int version) {
        return new Sql(version, "Create t" + version, "CREATE TABLE t" + version + " (id INT)");
    }

}
