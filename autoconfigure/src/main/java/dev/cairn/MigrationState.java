package dev.cairn;

/**
 * Where one migration stands in the database, as reported by {@link MigrationRunner#status()}.
 */
public enum MigrationState {

    /** Applied successfully. */
    APPLIED,

    /** Known to the application and not applied yet, or a repeatable migration whose checksum changed. */
    PENDING,

    /** Failed, possibly leaving changes behind; nothing runs until it is repaired. */
    FAILED,

    /**
     * Started and never finished: the process applying it died, or it is running now on another instance. It may
     * have left changes behind; nothing runs until it is repaired.
     */
    INTERRUPTED,

    /** Applied by a newer version of the application: recorded in the history table, unknown to this one. */
    FUTURE,

    /** Applied earlier, recorded in the history table, but no longer known to this application. */
    MISSING,

    /** The baseline: where the history of a database adopted with a schema begins. */
    BASELINE,

    /** At or below the baseline version and not applied: it is taken to be part of the adopted schema. */
    BELOW_BASELINE

}
