package dev.cairn.core;

import java.util.List;

import dev.cairn.MigrateResult;
import dev.cairn.MigrationContext;
import dev.cairn.MigrationException;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationListener;
import dev.cairn.ResolvedMigration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The application's {@link MigrationListener}s and SQL callbacks, called in order at each event.
 */
public final class Listeners {

    private static final Log logger = LogFactory.getLog(Listeners.class);

    private final List<MigrationListener> listeners;

    public Listeners(List<MigrationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Whether there is any listener: without one, a start with nothing pending need not take the lock.
     * @return {@code true} when there are none
     */
    public boolean isEmpty() {
        return this.listeners.isEmpty();
    }

    public void beforeEachMigrate(MigrationContext context) throws Exception {
        each((listener) -> listener.beforeEachMigrate(context));
    }

    public void afterEachMigrate(MigrationContext context) throws Exception {
        each((listener) -> listener.afterEachMigrate(context));
    }

    /**
     * Tells the listeners that a migration failed, each in a transaction of its own; their failures are added to the
     * migration's.
     * @param database the migrating database
     * @param migration the migration
     * @param error its failure
     */
    public void afterEachMigrateError(Database database, ResolvedMigration migration, MigrationFailedException error) {
        reportError(database, migration, error, (listener, context) -> listener.afterEachMigrateError(context, error));
    }


    public void beforeMigrate(MigrationContext context) throws Exception {
        each((listener) -> listener.beforeMigrate(context));
    }

    public void afterVersioned(MigrationContext context) throws Exception {
        each((listener) -> listener.afterVersioned(context));
    }

    public void afterMigrate(MigrationContext context, MigrateResult result) throws Exception {
        each((listener) -> listener.afterMigrate(context, result));
        if (!result.applied().isEmpty()) {
            each((listener) -> listener.afterMigrateApplied(context, result));
        }
    }

    /**
     * Tells the listeners that a run failed, each in a transaction of its own; their failures are added to the
     * run's.
     * @param database the migrating database
     * @param error the failure
     */
    public void afterMigrateError(Database database, MigrationException error) {
        reportError(database, null, error, (listener, context) -> listener.afterMigrateError(context, error));
    }

    private void reportError(Database database, @Nullable ResolvedMigration migration, Exception error,
            ErrorCall call) {
        for (MigrationListener listener : this.listeners) {
            try {
                Transactions.run(database.dataSource(), database.dialect(), migration, (context) -> {
                    call.on(listener, context);
                    return null;
                });
            }
            catch (Exception ex) {
                logger.warn("A migration listener failed while an error was reported: " + ex.getMessage(), ex);
                error.addSuppressed(ex);
            }
        }
    }

    public void beforeRepair(MigrationContext context) throws Exception {
        each((listener) -> listener.beforeRepair(context));
    }

    public void afterRepair(MigrationContext context) throws Exception {
        each((listener) -> listener.afterRepair(context));
    }

    public void beforeBaseline(MigrationContext context) throws Exception {
        each((listener) -> listener.beforeBaseline(context));
    }

    public void afterBaseline(MigrationContext context) throws Exception {
        each((listener) -> listener.afterBaseline(context));
    }

    private void each(Call call) throws Exception {
        for (MigrationListener listener : this.listeners) {
            call.on(listener);
        }
    }

    @FunctionalInterface
    private interface ErrorCall {

        void on(MigrationListener listener, MigrationContext context) throws Exception;

    }

    @FunctionalInterface
    private interface Call {

        void on(MigrationListener listener) throws Exception;

    }

}
