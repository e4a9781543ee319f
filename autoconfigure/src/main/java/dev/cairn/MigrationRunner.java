package dev.cairn;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.cairn.core.AppliedMigration;
import dev.cairn.core.Database;
import dev.cairn.core.MigrationExecutor;
import dev.cairn.core.MigrationPlan;
import dev.cairn.core.PlannedMigration;
import dev.cairn.lock.MigrationLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Applies, reports and reverts an application's migrations against one database, one instance at a time.
 *
 * <p>In a Spring Boot application one runner is auto-configured with every {@link Migration} bean and calls
 * {@link #migrate()} when the application is ready. It can also be used on its own:
 * {@code new MigrationRunner(dataSource, List.of(new CreateUsers(), new CreateTodos())).migrate()}.
 */
public class MigrationRunner {

    private static final Log logger = LogFactory.getLog(MigrationRunner.class);

    private final DataSource dataSource;

    private final Supplier<? extends Map<String, ? extends Migration>> migrations;

    private final MigrationSettings settings;

    private volatile @Nullable Database database;

    private final AtomicInteger running = new AtomicInteger();

    private volatile @Nullable MigrationFailedException lastFailure;

    /**
     * A runner with the default settings.
     * @param dataSource the database to migrate
     * @param migrations the migrations
     */
    public MigrationRunner(DataSource dataSource, Collection<? extends Migration> migrations) {
        this(dataSource, migrations, MigrationSettings.defaults());
    }

    /**
     * A runner for the given migrations, named after their classes in errors.
     * @param dataSource the database to migrate
     * @param migrations the migrations
     * @param settings the settings
     */
    public MigrationRunner(DataSource dataSource, Collection<? extends Migration> migrations,
            MigrationSettings settings) {
        this(dataSource, namedByClass(migrations), settings);
    }

    /**
     * A runner for migrations looked up on every operation, such as the beans of an application context.
     * @param dataSource the database to migrate
     * @param migrations the migrations by bean name, asked for each time the runner works
     * @param settings the settings
     */
    public MigrationRunner(DataSource dataSource, Supplier<? extends Map<String, ? extends Migration>> migrations,
            MigrationSettings settings) {
        this.dataSource = dataSource;
        this.migrations = migrations;
        this.settings = settings;
    }

    /**
     * Applies the pending migrations up to the target, each in its own transaction, while holding the migration
     * lock. When nothing is pending it returns without taking the lock.
     * @return what was applied
     * @throws MigrationException when the migrations are invalid, the lock cannot be taken, or a migration fails
     * ({@link MigrationFailedException})
     */
    public MigrateResult migrate() {
        long start = System.nanoTime();
        MigrationPlan plan = MigrationPlan.of(this.migrations.get());
        Database database = database();
        this.running.incrementAndGet();
        try {
            List<AppliedMigration> history = database.history().readForPlanningIfExists();
            if (history != null && pending(plan, history).isEmpty()) {
                return upToDate(history, start);
            }
            MigrationLock lock = database.newLock(this.settings.lockLease());
            lock.acquire(this.settings.lockWaitTimeout());
            try {
                database.history().createIfMissing();
                history = database.history().readForPlanning();
                return apply(database, lock, history, pending(plan, history), start);
            }
            finally {
                lock.release();
            }
        }
        finally {
            this.running.decrementAndGet();
        }
    }

    private MigrateResult apply(Database database, MigrationLock lock, List<AppliedMigration> history,
            List<PlannedMigration> pending, long start) {
        Long initial = currentVersion(history);
        if (pending.isEmpty()) {
            return upToDate(history, start);
        }
        this.lastFailure = null;
        logger.info("Applying " + count(pending.size()) + ": " + names(pending));
        MigrationExecutor executor = database.newExecutor();
        List<MigrationInfo> applied = new ArrayList<>(pending.size());
        for (PlannedMigration migration : pending) {
            lock.checkHeld();
            AppliedMigration row;
            try {
                row = executor.apply(migration, database.installedBy());
            }
            catch (MigrationFailedException ex) {
                // Reported by whoever called migrate(): Spring Boot's failure analysis, or the log when
                // cairn.fail-on-error is false.
                this.lastFailure = ex;
                throw ex;
            }
            if (logger.isDebugEnabled()) {
                logger.debug("Applied migration " + migration.version() + " \"" + migration.description() + "\" in "
                        + row.executionTime() + " ms");
            }
            applied.add(info(migration, row));
        }
        Long current = applied.get(applied.size() - 1).version();
        if (initial != null && initial > current) {
            current = initial;
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        logger.info("Migrated " + count(applied.size()) + " to version " + current + " in " + duration.toMillis()
                + " ms");
        return new MigrateResult(initial, current, List.copyOf(applied), duration);
    }

    private MigrateResult upToDate(List<AppliedMigration> history, long start) {
        Long current = currentVersion(history);
        logger.info((current != null) ? "Schema is up to date at version " + current
                : "Schema is up to date: there are no migrations");
        return new MigrateResult(current, current, List.of(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Every known migration, from the application and from the history table, with its state.
     * @return the status
     */
    public MigrationStatus status() {
        MigrationPlan plan = MigrationPlan.of(this.migrations.get());
        List<AppliedMigration> history = database().history().readIfExists();
        return MigrationStatuses.of(plan, (history != null) ? history : List.of(), this.lastFailure);
    }

    /**
     * Reverts the applied migrations above the version, newest first, each in its own transaction with its history
     * row removed. Checks first that each of them can be reverted; if one cannot, nothing changes.
     * @param version the version to return to; {@code 0} reverts everything
     * @return what was reverted
     * @throws IrreversibleMigrationException when a migration above the version has no {@code down}
     * @throws MigrationException when a migration above the version is unknown to the application or failed
     */
    public RollbackResult rollbackTo(long version) {
        long start = System.nanoTime();
        MigrationPlan plan = MigrationPlan.of(this.migrations.get());
        Database database = database();
        MigrationLock lock = database.newLock(this.settings.lockLease());
        this.running.incrementAndGet();
        try {
            lock.acquire(this.settings.lockWaitTimeout());
            List<AppliedMigration> history = database.history().readIfExists();
            if (history == null) {
                return new RollbackResult(null, null, List.of(), Duration.ofNanos(System.nanoTime() - start));
            }
            Long initial = currentVersion(history);
            List<PlannedMigration> toRevert = revertible(plan, history, version);
            MigrationExecutor executor = database.newExecutor();
            List<MigrationInfo> reverted = new ArrayList<>(toRevert.size());
            for (PlannedMigration migration : toRevert) {
                lock.checkHeld();
                long begin = System.nanoTime();
                executor.revert(migration);
                logger.info("Reverted migration " + migration.version() + " \"" + migration.description() + "\" in "
                        + (System.nanoTime() - begin) / 1_000_000 + " ms");
                reverted.add(new MigrationInfo(migration.version(), migration.description(), migration.type(),
                        MigrationState.PENDING, migration.checksum(), null, null, null, true));
            }
            Long current = currentVersion(history.stream().filter((row) -> row.version() <= version).toList());
            logger.info("Rolled back " + reverted.size() + " migrations to version " + current);
            return new RollbackResult(initial, current, List.copyOf(reverted),
                    Duration.ofNanos(System.nanoTime() - start));
        }
        finally {
            lock.release();
            this.running.decrementAndGet();
        }
    }

    private List<PlannedMigration> revertible(MigrationPlan plan, List<AppliedMigration> history, long version) {
        List<PlannedMigration> toRevert = new ArrayList<>();
        List<AppliedMigration> above = history.stream()
            .filter((row) -> row.version() > version)
            .sorted(Comparator.comparingLong(AppliedMigration::version).reversed())
            .toList();
        for (AppliedMigration row : above) {
            if (!row.success()) {
                throw new MigrationException("Cannot roll back past migration " + row.version() + " \""
                        + row.description() + "\": it is recorded as FAILED",
                        "Clean up what it left behind, call MigrationRunner.repair(), then roll back again.");
            }
            PlannedMigration migration = plan.find(row.version());
            if (migration == null) {
                throw new MigrationException("Cannot roll back past migration " + row.version() + " \""
                        + row.description() + "\": it is applied but is not a Migration bean of this application",
                        "Roll back with the version of the application that contains migration " + row.version()
                                + ", or only to version " + row.version() + " or later.");
            }
            if (!migration.reversible()) {
                throw new IrreversibleMigrationException(migration.version(), migration.description());
            }
            toRevert.add(migration);
        }
        return toRevert;
    }

    /**
     * Removes the history rows of FAILED migrations, after the user has undone what they left behind, so that they
     * run again on the next {@link #migrate()}.
     * @return the migrations whose rows were removed
     */
    public List<MigrationInfo> repair() {
        Database database = database();
        MigrationLock lock = database.newLock(this.settings.lockLease());
        lock.acquire(this.settings.lockWaitTimeout());
        try {
            List<MigrationInfo> failed = status().inState(MigrationState.FAILED);
            this.lastFailure = null;
            if (failed.isEmpty()) {
                return failed;
            }
            database.history().deleteFailed();
            failed.forEach((migration) -> logger.info("Repaired migration " + migration.version() + " \""
                    + migration.description() + "\": it will run again on the next migrate"));
            return failed;
        }
        finally {
            lock.release();
        }
    }

    /**
     * Whether a migrate or rollback is under way.
     * @return {@code true} while migrating
     */
    public boolean isRunning() {
        return this.running.get() > 0;
    }

    /**
     * The failure of the last {@link #migrate()}, until a later one succeeds or {@link #repair()} is called.
     * @return the failure, or {@code null}
     */
    public @Nullable MigrationFailedException getLastFailure() {
        return this.lastFailure;
    }

    public MigrationSettings getSettings() {
        return this.settings;
    }

    private List<PlannedMigration> pending(MigrationPlan plan, List<AppliedMigration> history) {
        return plan.pending(history, this.settings.target(), this.settings.outOfOrder(), this.settings.table());
    }

    private Database database() {
        Database database = this.database;
        if (database == null) {
            try {
                database = Database.connect(this.dataSource, this.settings);
            }
            catch (SQLException ex) {
                throw new CannotGetJdbcConnectionException("Could not connect to the database to migrate", ex);
            }
            this.database = database;
        }
        return database;
    }

    private static String count(int migrations) {
        return migrations + ((migrations == 1) ? " migration" : " migrations");
    }

    /**
     * Names the migrations for the one line logged before they run: the first ten, then the last, so that a run of
     * any size logs two lines at INFO and a run that hangs still shows what it was applying. Each migration's own
     * line is logged at DEBUG.
     */
    private static String names(List<PlannedMigration> migrations) {
        StringBuilder names = new StringBuilder();
        int shown = Math.min(migrations.size(), 10);
        for (int i = 0; i < shown; i++) {
            names.append((i > 0) ? ", " : "").append(name(migrations.get(i)));
        }
        int more = migrations.size() - shown;
        if (more > 0) {
            names.append(" and ").append(more).append(" more up to ")
                .append(name(migrations.get(migrations.size() - 1)));
        }
        return names.toString();
    }

    private static String name(PlannedMigration migration) {
        return migration.version() + " \"" + migration.description() + "\"";
    }

    static @Nullable Long currentVersion(List<AppliedMigration> history) {
        Long current = null;
        for (AppliedMigration row : history) {
            if (row.success() && (current == null || row.version() > current)) {
                current = row.version();
            }
        }
        return current;
    }

    private static MigrationInfo info(PlannedMigration migration, AppliedMigration row) {
        return new MigrationInfo(migration.version(), migration.description(), migration.type(),
                MigrationState.APPLIED, migration.checksum(), row.installedOn(), row.installedBy(),
                row.executionTime(), migration.reversible());
    }

    private static Supplier<Map<String, Migration>> namedByClass(Collection<? extends Migration> migrations) {
        Map<String, Migration> named = new LinkedHashMap<>();
        for (Migration migration : migrations) {
            String base = migration.getClass().getName() + "#" + migration.version();
            String name = base;
            for (int i = 2; named.containsKey(name); i++) {
                name = base + " (" + i + ")";
            }
            named.put(name, migration);
        }
        return () -> named;
    }

}
