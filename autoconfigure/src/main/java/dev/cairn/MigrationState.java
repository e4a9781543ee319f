package dev.cairn;

/**
 * Where one migration stands in the database, as reported by {@link MigrationRunner#status()}.
 */
public enum MigrationState {

    /** Applied successfully. */
    APPLIED,

    /** Known to the application and not applied yet. */
    PENDING,

    /** Failed, possibly leaving changes behind; nothing runs until it is repaired. */
    FAILED,

    /** Applied by a newer version of the application: recorded in the history table, unknown to this one. */
    FUTURE,

    /** Applied earlier, recorded in the history table, but no longer a bean of this application. */
    MISSING

}
