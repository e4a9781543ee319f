package dev.cairn;

import org.springframework.context.ApplicationEvent;

/**
 * A Spring application event about the migrations of a {@link MigrationRunner}: a run started, a migration was
 * applied or failed, a run finished. Listen with {@code @EventListener}; published by the auto-configured runner
 * after the fact, outside any transaction.
 */
public abstract class MigrationEvent extends ApplicationEvent {

    MigrationEvent(MigrationRunner runner) {
        super(runner);
    }

    /**
     * The runner the event is about.
     * @return the runner
     */
    public MigrationRunner getRunner() {
        return (MigrationRunner) getSource();
    }

    /**
     * A call of {@link MigrationRunner#migrate()} began.
     */
    public static final class RunStarted extends MigrationEvent {

        public RunStarted(MigrationRunner runner) {
            super(runner);
        }

    }

    /**
     * A migration was applied and committed.
     */
    public static final class Applied extends MigrationEvent {

        private final MigrationInfo migration;

        public Applied(MigrationRunner runner, MigrationInfo migration) {
            super(runner);
            this.migration = migration;
        }

        public MigrationInfo getMigration() {
            return this.migration;
        }

    }

    /**
     * A migration failed.
     */
    public static final class Failed extends MigrationEvent {

        private final MigrationFailedException failure;

        public Failed(MigrationRunner runner, MigrationFailedException failure) {
            super(runner);
            this.failure = failure;
        }

        public MigrationFailedException getFailure() {
            return this.failure;
        }

    }

    /**
     * A call of {@link MigrationRunner#migrate()} finished, whether or not it applied anything.
     */
    public static final class RunFinished extends MigrationEvent {

        private final MigrateResult result;

        public RunFinished(MigrationRunner runner, MigrateResult result) {
            super(runner);
            this.result = result;
        }

        public MigrateResult getResult() {
            return this.result;
        }

    }

}
