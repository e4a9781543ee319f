package dev.cairn;

/**
 * Hears what the runner does: a run starts, each migration starts and is applied or fails, the run finishes. Called
 * outside any transaction and after the fact (a migration is reported applied once it has committed), so a listener
 * observes and never changes the outcome: what it throws is logged and ignored. Listeners cost nothing on a start with
 * nothing pending but the calls themselves. Metrics, traces and Spring application events are listeners; to run SQL
 * or code on the database at Flyway's callback events, write a {@link MigrationCallback}.
 */
public interface MigrationListener {

    /**
     * A call of {@link MigrationRunner#migrate()} began.
     */
    default void runStarted() {
    }

    /**
     * A migration is about to be applied.
     * @param migration the migration
     */
    default void migrationStarting(ResolvedMigration migration) {
    }

    /**
     * A migration was applied and committed together with its history row.
     * @param migration the migration
     * @param applied how it was recorded, with its execution time
     */
    default void migrationApplied(ResolvedMigration migration, MigrationInfo applied) {
    }

    /**
     * A migration failed; its transaction was rolled back, or its row marked FAILED where it may have left changes.
     * @param migration the migration
     * @param failure the failure
     * @param executionTimeMs how long it ran before it failed
     */
    default void migrationFailed(ResolvedMigration migration, MigrationFailedException failure, long executionTimeMs) {
    }

    /**
     * A call of {@link MigrationRunner#migrate()} finished, whether or not it applied anything.
     * @param result what it applied
     */
    default void runFinished(MigrateResult result) {
    }

    /**
     * A call of {@link MigrationRunner#migrate()} failed.
     * @param failure the failure
     */
    default void runFailed(MigrationException failure) {
    }

}
