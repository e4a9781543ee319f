package dev.cairn.core;

import java.util.List;

import dev.cairn.MigrateResult;
import dev.cairn.MigrationContext;
import dev.cairn.MigrationException;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationCallback;
import dev.cairn.ResolvedMigration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The application's {@link MigrationCallback} beans and SQL callback scripts, called in order at each event.
 */
public final class Callbacks {

    private static final Log logger = LogFactory.getLog(Callbacks.class);

    private final List<MigrationCallback> callbacks;

    public Callbacks(List<MigrationCallback> callbacks) {
        this.callbacks = List.copyOf(callbacks);
    }

    /**
     * Whether there is no callback: then a start with nothing pending need not take the lock.
     * @return {@code true} when there are none
     */
    public boolean isEmpty() {
        return this.callbacks.isEmpty();
    }

    public void beforeEachMigrate(MigrationContext context) throws Exception {
        each((callback) -> callback.beforeEachMigrate(context));
    }

    public void afterEachMigrate(MigrationContext context) throws Exception {
        each((callback) -> callback.afterEachMigrate(context));
    }

    /**
     * Tells the callbacks that a migration failed, each in a transaction of its own; their failures are added to the
     * migration's.
     * @param database the migrating database
     * @param migration the migration
     * @param error its failure
     */
    public void afterEachMigrateError(Database database, ResolvedMigration migration, MigrationFailedException error) {
        reportError(database, migration, error, (callback, context) -> callback.afterEachMigrateError(context, error));
    }


    public void beforeMigrate(MigrationContext context) throws Exception {
        each((callback) -> callback.beforeMigrate(context));
    }

    public void afterVersioned(MigrationContext context) throws Exception {
        each((callback) -> callback.afterVersioned(context));
    }

    public void afterMigrate(MigrationContext context, MigrateResult result) throws Exception {
        each((callback) -> callback.afterMigrate(context, result));
        if (!result.applied().isEmpty()) {
            each((callback) -> callback.afterMigrateApplied(context, result));
        }
    }

    /**
     * Tells the callbacks that a run failed, each in a transaction of its own; their failures are added to the
     * run's.
     * @param database the migrating database
     * @param error the failure
     */
    public void afterMigrateError(Database database, MigrationException error) {
        reportError(database, null, error, (callback, context) -> callback.afterMigrateError(context, error));
    }

    private void reportError(Database database, @Nullable ResolvedMigration migration, Exception error,
            ErrorCall call) {
        for (MigrationCallback callback : this.callbacks) {
            try {
                Transactions.run(database.dataSource(), database.dialect(), migration, (context) -> {
                    call.on(callback, context);
                    return null;
                });
            }
            catch (Exception ex) {
                logger.warn("A migration callback failed while an error was reported: " + ex.getMessage(), ex);
                error.addSuppressed(ex);
            }
        }
    }

    public void beforeRepair(MigrationContext context) throws Exception {
        each((callback) -> callback.beforeRepair(context));
    }

    public void afterRepair(MigrationContext context) throws Exception {
        each((callback) -> callback.afterRepair(context));
    }

    public void beforeBaseline(MigrationContext context) throws Exception {
        each((callback) -> callback.beforeBaseline(context));
    }

    public void afterBaseline(MigrationContext context) throws Exception {
        each((callback) -> callback.afterBaseline(context));
    }

    private void each(Call call) throws Exception {
        for (MigrationCallback callback : this.callbacks) {
            call.on(callback);
        }
    }

    @FunctionalInterface
    private interface ErrorCall {

        void on(MigrationCallback callback, MigrationContext context) throws Exception;

    }

    @FunctionalInterface
    private interface Call {

        void on(MigrationCallback callback) throws Exception;

    }

}
