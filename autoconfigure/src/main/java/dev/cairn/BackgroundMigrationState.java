package dev.cairn;

/**
 * Where a {@link BackgroundMigration} is.
 */
public enum BackgroundMigrationState {

    /** Not started yet. */
    QUEUED,

    /** Started: its batches run, or will resume from its cursor when the instance that ran them stopped. */
    RUNNING,

    /** Paused through the endpoint or the runner; later migrations wait too. */
    PAUSED,

    /** Done; migrations that require it may run. */
    FINISHED,

    /** Stopped by an error, with its cursor and the error kept; later migrations wait until it is retried. */
    FAILED

}
