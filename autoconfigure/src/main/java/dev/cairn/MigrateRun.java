package dev.cairn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.cairn.core.AppliedHistory;
import dev.cairn.core.AppliedMigration;
import dev.cairn.core.Database;
import dev.cairn.core.HistorySetup;
import dev.cairn.core.Callbacks;
import dev.cairn.core.MigrationExecutor;
import dev.cairn.core.MigrationPlan;
import dev.cairn.core.policy.AppendOnlyPolicy;
import dev.cairn.core.source.ExecutableMigration;
import dev.cairn.lock.MigrationLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One migrate with the lock held, as one straight path: make the history table ready, read it, plan, apply each
 * pending migration, report.
 */
final class MigrateRun {

    private static final Log logger = LogFactory.getLog(MigrationRunner.class);

    private final MigrationRunner runner;

    private final Database database;

    private final MigrationLock lock;

    private final MigrationPlan plan;

    private final Callbacks callbacks;

    private final long start;

    /** The version the migrations applied so far reached. */
    private @Nullable Version reached;


    MigrateRun(MigrationRunner runner, Database database, MigrationLock lock, MigrationPlan plan, long start) {
        this.runner = runner;
        this.database = database;
        this.lock = lock;
        this.plan = plan;
        this.callbacks = runner.callbacks();
        this.start = start;
    }

    MigrateResult run() {
        new HistorySetup(this.database, this.runner.getSettings(), this.runner.gate().tables())
            .prepare(() -> new Baseliner(this.runner, this.database, this.lock).write());
        AppliedHistory history = new AppliedHistory(this.database.history().readForPlanning());
        if (history.unfinished() != null) {
            // Read again with who, when and where, for the message that names the unfinished migration.
            history = new AppliedHistory(this.database.history().read());
        }
        List<ExecutableMigration> pending = this.runner.pending(this.plan, history);
        SchemaDrift drift = this.runner.getSettings().drift() != DriftMode.OFF ? this.runner.drift() : null;
        if (pending.isEmpty() && this.callbacks.isEmpty()) {
            if (drift != null) {
                drift.recordIfMissing(history.current());
            }
            return this.runner.upToDate(this.plan, history, this.start);
        }
        if (!pending.isEmpty()) {
            this.runner.checkFuture(this.plan, history);
            AppendOnlyPolicy.check(this.runner.getSettings().policy(), history, pending);
        }
        if (drift != null && !pending.isEmpty() && this.runner.getSettings().drift() == DriftMode.WARN) {
            warnOfDrift(drift);
        }
        this.runner.clearLastFailure();
        MigrationExecutor executor = this.database.newExecutor(this.lock, this.callbacks);
        if (!this.callbacks.isEmpty()) {
            Operations.run(executor, "beforeMigrate", this.callbacks::beforeMigrate);
        }
        MigrateResult result;
        try {
            result = pending.isEmpty() ? this.runner.upToDate(this.plan, history, this.start)
                    : apply(executor, history.current(), pending);
        }
        finally {
            if (drift != null) {
                // Also after a failure: the schema the committed migrations left is no drift.
                recordSignature(drift, history.current());
            }
        }
        if (!this.callbacks.isEmpty()) {
            Operations.run(executor, "afterMigrate", (context) -> this.callbacks.afterMigrate(context, result));
        }
        return result;
    }

    private static void warnOfDrift(SchemaDrift drift) {
        try {
            drift.warn();
        }
        catch (RuntimeException ex) {
            logger.warn("Could not compare the schema with its signature: " + ex.getMessage());
        }
    }

    private void recordSignature(SchemaDrift drift, @Nullable Version initial) {
        drift.record((this.reached != null) ? this.reached : initial);
    }

    /**
     * Whether a migration waits for an unfinished background migration; then it, and those after it, apply when that
     * has finished. Asked as each migration is about to run, so that a script is read and split only then.
     */
    private boolean waits(ExecutableMigration migration, int left) {
        if (migration.requiredBackgroundMigrations().isEmpty()) {
            return false;
        }
        String waiting = this.runner.gate().waitingFor(migration);
        if (waiting == null) {
            return false;
        }
        logger.info("Not applying " + migration.displayName() + ((left > 1) ? " and the " + (left - 1)
                + " pending after it" : "") + " yet: it requires " + waiting + ", and applies when that has finished");
        return true;
    }

    private MigrateResult apply(MigrationExecutor executor, @Nullable Version initial,
            List<ExecutableMigration> pending) {
        logger.info("Applying " + count(pending.size()) + ": " + names(pending));
        List<MigrationInfo> applied = new ArrayList<>(pending.size());
        try {
            applyEach(executor, pending, applied);
        }
        finally {
            if (!applied.isEmpty()) {
                // Also after a failure: up to the last migration that was committed.
                this.reached = current(initial, applied);
                this.database.keepUserVersion(this.reached);
            }
        }
        Version current = current(initial, applied);
        Duration duration = Duration.ofNanos(System.nanoTime() - this.start);
        logger.info("Migrated " + count(applied.size()) + ((current != null) ? " to version " + current : "")
                + " in " + duration.toMillis() + " ms");
        return new MigrateResult(initial, current, List.copyOf(applied), duration);
    }

    private void applyEach(MigrationExecutor executor, List<ExecutableMigration> pending,
            List<MigrationInfo> applied) {
        boolean versionedDone = false;
        for (int i = 0; i < pending.size(); i++) {
            ExecutableMigration migration = pending.get(i);
            if (waits(migration, pending.size() - i)) {
                return;
            }
            if (!versionedDone && migration.repeatable()) {
                versionedDone = afterVersioned(executor);
            }
            this.lock.checkHeld();
            Listeners listeners = this.runner.listeners();
            listeners.tell((listener) -> listener.migrationStarting(migration));
            long begin = System.nanoTime();
            AppliedMigration row;
            try {
                row = executor.apply(migration);
            }
            catch (MigrationFailedException ex) {
                long took = (System.nanoTime() - begin) / 1_000_000;
                listeners.tell((listener) -> listener.migrationFailed(migration, ex, took));
                throw ex;
            }
            if (logger.isDebugEnabled()) {
                logger.debug("Applied " + migration.displayName() + " in " + row.executionTime() + " ms");
            }
            MigrationInfo info = MigrationStatuses.applied(migration, row);
            listeners.tell((listener) -> listener.migrationApplied(migration, info));
            applied.add(info);
        }
        if (!versionedDone) {
            afterVersioned(executor);
        }
    }

    private static @Nullable Version current(@Nullable Version initial, List<MigrationInfo> applied) {
        Version current = initial;
        for (MigrationInfo migration : applied) {
            Version version = migration.version();
            if (version != null && (current == null || version.compareTo(current) > 0)) {
                current = version;
            }
        }
        return current;
    }

    private boolean afterVersioned(MigrationExecutor executor) {
        if (!this.callbacks.isEmpty()) {
            Operations.run(executor, "afterVersioned", this.callbacks::afterVersioned);
        }
        return true;
    }

    private static String count(int migrations) {
        return migrations + ((migrations == 1) ? " migration" : " migrations");
    }

    /**
     * Names the migrations for the one line logged before they run: the first ten, then the last, so that a run of
     * any size logs two lines at INFO and a run that hangs still shows what it was applying. Each migration's own
     * line is logged at DEBUG.
     */
    private static String names(List<ExecutableMigration> migrations) {
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

    private static String name(ExecutableMigration migration) {
        return ((migration.version() != null) ? migration.version() + " " : "") + "\"" + migration.description()
                + "\"";
    }

}
