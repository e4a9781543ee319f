package dev.cairn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.Dialects;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestMigrations;
import dev.cairn.testsupport.TestMigrations.Failing;
import dev.cairn.testsupport.TestMigrations.NonTransactional;
import dev.cairn.testsupport.TestMigrations.Reversible;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What must hold for the runner on every database: apply, skip, fail and roll back, record failures, target,
 * rollback, repair and lock. Each database has a thin subclass that only says how to reach it.
 */
abstract class AbstractMigrationRunnerTests {

    protected TestDatabase database;

    @TempDir
    Path directory;

    protected abstract TestDatabase createDatabase(Path directory);

    /**
     * Whether the database rolls back DDL with the transaction.
     * @return {@code true} for SQLite and PostgreSQL
     */
    protected abstract boolean rollsBackDdl();

    @BeforeEach
    void createDatabase() {
        this.database = createDatabase(this.directory);
        // The history table first: a database with tables of its own and no history is refused unless baselined.
        runner().migrate();
        this.database.jdbc().execute("CREATE TABLE applied_log (version BIGINT NOT NULL)");
    }

    @AfterEach
    void dropDatabase() {
        if (this.database != null) {
            this.database.close();
        }
    }

    @Test
    void appliesPendingMigrationsInVersionOrder() {
        MigrateResult result = runner(log(3), log(1), log(2)).migrate();
        assertThat(result.applied()).extracting(TestMigrations::version).containsExactly(1L, 2L, 3L);
        assertThat(this.database.jdbc().queryForList("SELECT version FROM applied_log", Long.class))
            .containsExactly(1L, 2L, 3L);
        assertThat(result.initialVersion()).isNull();
        assertThat(result.currentVersion()).hasToString("3");
    }

    @Test
    void recordsEachAppliedMigrationInTheHistoryTable() {
        runner(log(1), new Sql(2, "Create users", "CREATE TABLE users (id INTEGER PRIMARY KEY)")).migrate();
        List<MigrationInfo> migrations = runner(log(1)).status().migrations();
        assertThat(migrations).extracting(TestMigrations::version, MigrationInfo::description, MigrationInfo::type,
                MigrationInfo::state)
            .containsExactly(tuple(1L, "Log 1", "JAVA", MigrationState.APPLIED),
                    tuple(2L, "Create users", "JAVA", MigrationState.FUTURE));
        assertThat(migrations.get(1).installedOn()).isBetween(java.time.Instant.now().minusSeconds(60),
                java.time.Instant.now().plusSeconds(1));
        assertThat(migrations.get(1).installedBy()).isNotBlank();
        assertThat(migrations.get(1).executionTimeMs()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(this.database.jdbc().queryForObject("SELECT COUNT(*) FROM cairn_migrations WHERE success = ?",
                Integer.class, true)).isEqualTo(2);
    }

    @Test
    void skipsMigrationsThatAreAlreadyApplied() {
        Migration first = log(1);
        runner(first).migrate();
        Migration second = log(2);
        MigrateResult result = runner(first, second).migrate();
        assertThat(result.applied()).extracting(TestMigrations::version).containsExactly(2L);
        assertThat(TestMigrations.runs(first)).isEqualTo(1);
        assertThat(runner(first, second).migrate().applied()).isEmpty();
        assertThat(logged()).containsExactly(1L, 2L);
    }

    @Test
    void failedMigrationStopsTheRunAndKeepsEarlierMigrations() {
        Migration third = log(3);
        MigrationRunner runner = runner(log(1),
                new Failing(2, "Create broken", "CREATE TABLE broken (id INTEGER)",
                        "INSERT INTO applied_log (version) VALUES (2)"), third);
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(runner::migrate)
            .satisfies((ex) -> {
                assertThat(ex.getVersion()).hasToString("2");
                assertThat(ex.getMessage()).contains("Migration 2 \"Create broken\"", "boom in Create broken",
                        "bean '");
                assertThat(ex.isChangesMayRemain()).isEqualTo(!rollsBackDdl());
            });
        assertThat(TestMigrations.runs(third)).isZero();
        assertThat(logged()).containsExactly(1L);
        assertThat(runner.status().currentVersion()).hasToString("1");
        assertThat(runner.status().migrations()).extracting(MigrationInfo::state)
            .containsExactly(MigrationState.APPLIED, MigrationState.FAILED, MigrationState.PENDING);
        assertThat(this.database.hasTable("broken")).isEqualTo(!rollsBackDdl());
    }

    @Test
    void failedMigrationWithoutDdlRollsBackItsDataOnEveryDatabase() {
        MigrationRunner runner = runner(log(1), new Failing(2, "Half done",
                "INSERT INTO applied_log (version) VALUES (2)", "INSERT INTO applied_log (version) VALUES (22)"));
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(runner::migrate);
        assertThat(logged()).containsExactly(1L);
    }

    @Test
    void migrationThatMayHaveLeftChangesIsRecordedAsFailedAndRefusedUntilRepaired() {
        AtomicInteger autoCommit = new AtomicInteger(-1);
        Migration broken = new Failing(2, "Create broken", "CREATE TABLE broken (id INTEGER)") {
            @Override
            public boolean transactional() {
                return false;
            }
        };
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(runner(log(1), broken)::migrate)
            .satisfies((ex) -> assertThat(ex.isChangesMayRemain()).isTrue());
        assertThat(this.database.jdbc().queryForObject("SELECT COUNT(*) FROM cairn_migrations WHERE success = ?",
                Integer.class, false)).isOne();
        Migration fixed = new NonTransactional(2, "Create broken", "CREATE TABLE broken (id INTEGER)", autoCommit);
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner(log(1), fixed)::migrate)
            .withMessageContaining("Migration 2 \"Create broken\" (bean ").withMessageContaining("failed earlier")
            .satisfies((ex) -> assertThat(ex.getAction()).contains("--cairn.mode=repair", "repair()"));
        assertThat(runner(log(1), fixed).repair()).extracting(TestMigrations::version).containsExactly(2L);
        this.database.jdbc().execute("DROP TABLE broken");
        assertThat(runner(log(1), fixed).migrate().applied()).extracting(TestMigrations::version).containsExactly(2L);
        assertThat(this.database.hasTable("broken")).isTrue();
    }

    @Test
    void repairOnAFreshDatabaseFindsNothingToRepair() {
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(), List.of(log(1)),
                MigrationSettings.defaults().withTable("fresh_history"));
        assertThat(runner.repair()).isEmpty();
        assertThat(this.database.hasTable("fresh_history")).isFalse();
    }

    @Test
    void nonTransactionalMigrationRunsWithAutoCommitAndIsRecordedAfterItSucceeds() {
        AtomicInteger autoCommit = new AtomicInteger(-1);
        runner(log(1), new NonTransactional(2, "Create plain", "CREATE TABLE plain (id INTEGER)", autoCommit))
            .migrate();
        assertThat(autoCommit.get()).isOne();
        assertThat(this.database.hasTable("plain")).isTrue();
        assertThat(runner().status().currentVersion()).hasToString("2");
    }

    @Test
    void appliesOnlyUpToTheTarget() {
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(), List.of(log(1), log(2), log(3)),
                MigrationSettings.defaults().withTarget(2L));
        assertThat(runner.migrate().currentVersion()).hasToString("2");
        assertThat(logged()).containsExactly(1L, 2L);
        assertThat(runner.status().inState(MigrationState.PENDING)).extracting(TestMigrations::version)
            .containsExactly(3L);
    }

    @Test
    void rollsBackNewestFirstAndRemovesTheirHistoryRows() {
        List<Migration> migrations = List.of(
                new Reversible(1, "Create a", "CREATE TABLE a (id INTEGER)", "DROP TABLE a"),
                new Reversible(2, "Create b", "CREATE TABLE b (id INTEGER)", "DROP TABLE b"),
                new Reversible(3, "Create c", "CREATE TABLE c (id INTEGER)", "DROP TABLE c"));
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(), migrations);
        runner.migrate();
        RollbackResult result = runner.rollbackTo(1);
        assertThat(result.reverted()).extracting(TestMigrations::version).containsExactly(3L, 2L);
        assertThat(result.currentVersion()).hasToString("1");
        assertThat(this.database.hasTable("a")).isTrue();
        assertThat(this.database.hasTable("b")).isFalse();
        assertThat(this.database.hasTable("c")).isFalse();
        assertThat(runner.status().inState(MigrationState.PENDING)).extracting(TestMigrations::version)
            .containsExactly(2L, 3L);
        assertThat(runner.migrate().applied()).hasSize(2);
        assertThat(this.database.hasTable("c")).isTrue();
    }

    @Test
    void refusesRollbackPastAnIrreversibleMigrationAndChangesNothing() {
        List<Migration> migrations = List.of(
                new Reversible(1, "Create a", "CREATE TABLE a (id INTEGER)", "DROP TABLE a"),
                new Sql(2, "Create b", "CREATE TABLE b (id INTEGER)"),
                new Reversible(3, "Create c", "CREATE TABLE c (id INTEGER)", "DROP TABLE c"));
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(), migrations);
        runner.migrate();
        assertThatExceptionOfType(IrreversibleMigrationException.class).isThrownBy(() -> runner.rollbackTo(0))
            .withMessageContaining("Migration 2 \"Create b\" (bean ").withMessageContaining("is irreversible");
        assertThat(this.database.hasTable("c")).isTrue();
        assertThat(runner.status().currentVersion()).hasToString("3");
    }

    @Test
    void refusesDuplicateVersionsBeforeTouchingTheDatabase() {
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(), List.of(log(1), new Sql(1, "Other")),
                MigrationSettings.defaults().withTable("fresh_history"));
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::migrate)
            .withMessageContaining("both have version 1")
            .withMessageContaining("Invalid migrations, nothing was changed");
        assertThat(this.database.hasTable("fresh_history")).isFalse();
        assertThat(logged()).isEmpty();
    }

    @Test
    void refusesAnAppliedMigrationWhoseChecksumChanged() {
        runner(checksummed(1, 11)).migrate();
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner(checksummed(1, 12))::migrate)
            .withMessageContaining("was changed: its checksum is 12 but cairn_migrations recorded 11");
    }

    @Test
    void refusesAPendingMigrationBelowTheCurrentVersionUnlessOutOfOrderIsAllowed() {
        runner(log(1), log(3)).migrate();
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner(log(1), log(2), log(3))::migrate)
            .withMessageContaining("below the current version 3")
            .satisfies((ex) -> assertThat(ex.getAction()).contains("cairn.out-of-order"));
        MigrationRunner outOfOrder = new MigrationRunner(this.database.dataSource(), List.of(log(1), log(2), log(3)),
                MigrationSettings.defaults().withOutOfOrder(true));
        assertThat(outOfOrder.migrate().applied()).extracting(TestMigrations::version).containsExactly(2L);
    }

    @Test
    void anOlderApplicationStartsAgainstANewerDatabaseWhenToldToWarn() {
        runner(log(1), log(2), log(3)).migrate();
        // Java migrations that do not declare additive() are not known to be: cairn.future=fail would refuse.
        MigrationRunner older = new MigrationRunner(this.database.dataSource(), List.of(log(1), log(2)),
                MigrationSettings.defaults().withFutureMigrations(FutureMigrations.WARN));
        assertThat(older.migrate().applied()).isEmpty();
        assertThat(older.status().migrations()).extracting(MigrationInfo::state)
            .containsExactly(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.FUTURE);
    }

    @Test
    void reportsMigrationsMissingFromTheApplication() {
        runner(log(1), log(2), log(3)).migrate();
        assertThat(runner(log(2), log(3)).status().migrations()).extracting(MigrationInfo::state)
            .containsExactly(MigrationState.MISSING, MigrationState.APPLIED, MigrationState.APPLIED);
        assertThat(runner(log(2), log(3)).migrate().applied()).isEmpty();
    }

    @Test
    void usesTheConfiguredHistoryTable() {
        new MigrationRunner(this.database.dataSource(), List.of(log(1)), MigrationSettings.defaults()
            .withTable("schema_history")
            .withBaselineOnMigrate(true)
            .withBaselineVersion(Version.of(0))).migrate();
        assertThat(this.database.jdbc().queryForList("SELECT version FROM schema_history ORDER BY installed_rank",
                String.class)).containsExactly("0", "1");
        assertThat(this.database.jdbc().queryForObject("SELECT COUNT(*) FROM cairn_migrations", Integer.class))
            .isZero();
    }

    @Test
    void upgradesAHistoryTableWrittenByCairn01WithoutLosingARow() {
        Dialect dialect = Dialects.forProductName(this.database.kind());
        // The layout Cairn 0.1 created, and rows as it wrote them.
        this.database.jdbc().execute("CREATE TABLE old_history (version BIGINT NOT NULL PRIMARY KEY, description "
                + dialect.varcharType(200) + " NOT NULL, type " + dialect.varcharType(200) + " NOT NULL, checksum"
                + " INTEGER, installed_on " + dialect.timestampType() + " NOT NULL, installed_by "
                + dialect.varcharType(200) + " NOT NULL, execution_time INTEGER NOT NULL, success "
                + dialect.booleanType() + " NOT NULL)");
        java.time.Instant then = java.time.Instant.parse("2026-11-21T22:47:52.263Z");
        for (long version : new long[] { 10, 1, 2 }) {
            this.database.jdbc().update("INSERT INTO old_history VALUES (?, ?, 'JAVA', ?, ?, 'alice', ?, ?)",
                    version, "Log " + version, (version == 2) ? 22 : null,
                    dialect.timestamp(then.plusSeconds(version)), version * 3, true);
        }
        Migration second = new Sql(2, "Log 2") {
            @Override
            public Integer checksum() {
                return 22;
            }
        };
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(),
                List.of(log(1), second, log(10), log(11)), MigrationSettings.defaults().withTable("old_history"));
        assertThat(runner.migrate().applied()).extracting(TestMigrations::version).containsExactly(11L);
        List<MigrationInfo> migrations = runner.status().migrations();
        assertThat(migrations).extracting(TestMigrations::version, MigrationInfo::state, MigrationInfo::checksum,
                MigrationInfo::installedBy, MigrationInfo::executionTimeMs)
            .startsWith(tuple(1L, MigrationState.APPLIED, null, "alice", 3L),
                    tuple(2L, MigrationState.APPLIED, 22, "alice", 6L),
                    tuple(10L, MigrationState.APPLIED, null, "alice", 30L));
        assertThat(migrations.get(0).installedOn()).isEqualTo(then.plusSeconds(1));
        assertThat(migrations.get(2).installedOn()).isEqualTo(then.plusSeconds(10));
        assertThat(this.database.jdbc().queryForList("SELECT installed_rank FROM old_history ORDER BY installed_rank",
                Integer.class)).containsExactly(1, 2, 3, 4);
        assertThat(this.database.hasTable("old_history_up")).isFalse();
        assertThat(this.database.hasTable("old_history_v1")).isFalse();
        assertThat(logged()).containsExactly(11L);
    }

    @Test
    void refusesATableThatIsNotAHistoryTableAndChangesNothing() {
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(), List.of(log(1)),
                MigrationSettings.defaults().withTable("applied_log"));
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::migrate)
            .withMessageContaining("The table applied_log named by cairn.table is not a Cairn history table")
            .withMessageContaining("[version]");
        assertThat(logged()).isEmpty();
        assertThat(this.database.hasTable("applied_log_lock")).isFalse();
    }

    @Test
    void refusesADatabaseWithASchemaButNoHistoryAndSaysHowToBaseline() {
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(), List.of(log(1)),
                MigrationSettings.defaults().withTable("fresh_history"));
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::migrate)
            .withMessageContaining("already has a schema (tables ")
            .withMessageContaining("applied_log")
            .withMessageContaining("but no history table fresh_history")
            .satisfies((ex) -> assertThat(ex.getAction()).contains("cairn.baseline-on-migrate=true",
                    "cairn.baseline-version", "MigrationRunner.baseline()"));
        assertThat(this.database.hasTable("fresh_history")).isFalse();
        assertThat(logged()).isEmpty();
    }

    @Test
    void baselineOnMigrateTakesMigrationsUpToTheBaselineAsApplied() {
        MigrationSettings settings = MigrationSettings.defaults()
            .withTable("fresh_history")
            .withBaselineOnMigrate(true)
            .withBaselineVersion(Version.parse("2"));
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(), List.of(log(1), log(2), log(3)),
                settings);
        MigrateResult result = runner.migrate();
        assertThat(result.applied()).extracting(TestMigrations::version).containsExactly(3L);
        assertThat(logged()).containsExactly(3L);
        assertThat(runner.status().migrations()).extracting(TestMigrations::version, MigrationInfo::state)
            .containsExactly(tuple(1L, MigrationState.BELOW_BASELINE), tuple(2L, MigrationState.BASELINE),
                    tuple(3L, MigrationState.APPLIED));
        assertThat(runner.status().currentVersion()).hasToString("3");
    }

    @Test
    void baselineRecordsTheVersionOnceAndRefusesADatabaseWithHistory() {
        MigrationSettings settings = MigrationSettings.defaults()
            .withTable("fresh_history")
            .withBaselineVersion(Version.parse("1.5"));
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(), List.of(log(1), log(2)), settings);
        assertThat(runner.baseline()).hasToString("1.5");
        assertThat(runner.baseline()).as("baselining again at the same version changes nothing").hasToString("1.5");
        assertThat(runner.migrate().applied()).extracting(TestMigrations::version).containsExactly(2L);
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::baseline)
            .withMessageContaining("already records migrations up to version 2");
    }

    @Test
    void createsTheConfiguredSchemaForTheHistoryTable() {
        String schema = "cairn_h_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String drop = this.database.dropSchemaStatement(schema);
        org.junit.jupiter.api.Assumptions.assumeTrue(drop != null, this.database.kind() + " has no schemas");
        try {
            MigrationRunner runner = new MigrationRunner(this.database.dataSource(), List.of(log(1)),
                    MigrationSettings.defaults().withSchema(schema));
            runner.migrate();
            assertThat(this.database.jdbc().queryForObject("SELECT COUNT(*) FROM " + schema + ".cairn_migrations",
                    Integer.class)).isOne();
            assertThat(runner.migrate().applied()).isEmpty();
        }
        finally {
            this.database.jdbc().execute(drop);
        }
    }

    @Test
    void concurrentInstancesApplyEachMigrationExactlyOnce() throws Exception {
        int instances = 8;
        List<Migration> migrations = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            migrations.add(log(i));
        }
        CyclicBarrier start = new CyclicBarrier(instances);
        ExecutorService executor = Executors.newFixedThreadPool(instances);
        List<HikariDataSource> dataSources = new ArrayList<>();
        try {
            List<Future<MigrateResult>> results = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                HikariDataSource dataSource = this.database.newDataSource(3);
                dataSources.add(dataSource);
                MigrationRunner runner = new MigrationRunner(dataSource, migrations);
                results.add(executor.submit(() -> {
                    start.await();
                    return runner.migrate();
                }));
            }
            int applied = 0;
            for (Future<MigrateResult> result : results) {
                MigrateResult migrated = result.get(120, TimeUnit.SECONDS);
                applied += migrated.applied().size();
                assertThat(migrated.currentVersion()).hasToString("10");
            }
            assertThat(applied).isEqualTo(10);
            assertThat(logged()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }
        finally {
            executor.shutdownNow();
            dataSources.forEach(HikariDataSource::close);
        }
    }

    @Test
    void waitsForTheLockAndGivesUpNamingTheHolder() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Migration slow = new Sql(1, "Slow") {
            @Override
            public void up(MigrationContext context) throws Exception {
                inside.countDown();
                release.await(60, TimeUnit.SECONDS);
            }
        };
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (HikariDataSource other = this.database.newDataSource(3)) {
            Future<MigrateResult> holder = executor.submit(() -> runner(slow).migrate());
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            MigrationRunner waiting = new MigrationRunner(other, List.of(slow),
                    MigrationSettings.defaults().withLockWaitTimeout(Duration.ofMillis(700)));
            assertThatExceptionOfType(MigrationLockException.class).isThrownBy(waiting::migrate)
                .withMessageContaining("within 700 ms: it is held by")
                .satisfies((ex) -> assertThat(ex.getHolder()).isNotBlank()
                    .doesNotContain("nobody")
                    .doesNotContain("another session (it may"));
            release.countDown();
            assertThat(holder.get(30, TimeUnit.SECONDS).applied()).hasSize(1);
            assertThat(waiting.migrate().applied()).isEmpty();
        }
        finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    protected MigrationRunner runner(Migration... migrations) {
        return new MigrationRunner(this.database.dataSource(), List.of(migrations));
    }

    protected static Migration log(long version) {
        return new Sql(version, "Log " + version, "INSERT INTO applied_log (version) VALUES (" + version + ")");
    }

    private static Migration checksummed(long version, int checksum) {
        return new Sql(version, "Checksummed") {
            @Override
            public Integer checksum() {
                return checksum;
            }
        };
    }

    protected List<Long> logged() {
        return this.database.jdbc().queryForList("SELECT version FROM applied_log ORDER BY version", Long.class);
    }

}
