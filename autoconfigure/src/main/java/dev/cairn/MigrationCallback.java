package dev.cairn;

/**
 * Hears what the runner does, at the moments Flyway's callbacks name: around the run and around each migration.
 * Every bean that implements it is called, in order; an SQL script named after an event
 * ({@code beforeEachMigrate.sql}, {@code afterMigrate__grants.sql}) in {@code cairn.locations} runs at the same
 * moment.
 *
 * <p>Methods that receive a {@link MigrationContext} run on the migrating connection: {@code beforeEachMigrate} and
 * {@code afterEachMigrate} inside the migration's own transaction (a failure there fails the migration), the others
 * in a transaction of their own. In run-level events {@link MigrationContext#migration()} is {@code null}. An
 * exception thrown by a listener fails the operation, except in the methods that report an error.
 */
public interface MigrationCallback {

    /**
     * Once the lock is held, before the first pending migration is applied.
     * @param context the connection to work with
     * @throws Exception to fail the run before anything is applied
     */
    default void beforeMigrate(MigrationContext context) throws Exception {
    }

    /**
     * Before each migration, in its transaction.
     * @param context the migration's connection and transaction
     * @throws Exception to fail the migration
     */
    default void beforeEachMigrate(MigrationContext context) throws Exception {
    }

    /**
     * After each migration succeeded, in its transaction, before it commits.
     * @param context the migration's connection and transaction
     * @throws Exception to fail the migration
     */
    default void afterEachMigrate(MigrationContext context) throws Exception {
    }

    /**
     * After a migration failed and its transaction was rolled back; a failure here is logged and added to the
     * migration's as suppressed.
     * @param context a connection in a transaction of its own; {@link MigrationContext#migration()} is the migration
     * that failed
     * @param error its failure
     * @throws Exception when the listener fails
     */
    default void afterEachMigrateError(MigrationContext context, MigrationFailedException error) throws Exception {
    }

    /**
     * After the versioned migrations were applied, before the repeatable ones.
     * @param context the connection to work with
     * @throws Exception to fail the run
     */
    default void afterVersioned(MigrationContext context) throws Exception {
    }

    /**
     * After a run succeeded, whether or not it applied anything.
     * @param context the connection to work with
     * @param result what was applied
     * @throws Exception to fail the run
     */
    default void afterMigrate(MigrationContext context, MigrateResult result) throws Exception {
    }

    /**
     * After a run that applied at least one migration succeeded.
     * @param context the connection to work with
     * @param result what was applied
     * @throws Exception to fail the run
     */
    default void afterMigrateApplied(MigrationContext context, MigrateResult result) throws Exception {
    }

    /**
     * After a run failed; a failure here is logged and added to the run's as suppressed.
     * @param context a connection in a transaction of its own
     * @param error the failure
     * @throws Exception when the listener fails
     */
    default void afterMigrateError(MigrationContext context, MigrationException error) throws Exception {
    }

    /**
     * Before FAILED migrations are repaired.
     * @param context the connection to work with
     * @throws Exception to fail the repair
     */
    default void beforeRepair(MigrationContext context) throws Exception {
    }

    /**
     * After FAILED migrations were repaired.
     * @param context the connection to work with
     * @throws Exception to fail the repair
     */
    default void afterRepair(MigrationContext context) throws Exception {
    }

    /**
     * Before a database is baselined.
     * @param context the connection to work with
     * @throws Exception to fail the baseline
     */
    default void beforeBaseline(MigrationContext context) throws Exception {
    }

    /**
     * After a database was baselined.
     * @param context the connection to work with
     * @throws Exception to fail the baseline
     */
    default void afterBaseline(MigrationContext context) throws Exception {
    }

}
