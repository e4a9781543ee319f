package dev.cairn.dialect;

/**
 * How instances take turns migrating one database; the lock itself is chosen from this outside the dialect.
 */
public enum LockKind {

    /** PostgreSQL's session-level advisory lock. */
    ADVISORY,

    /** MariaDB's and MySQL's {@code GET_LOCK}. */
    NAMED,

    /** An operating-system lock on a file beside the database, for embedded databases shared by processes. */
    FILE,

    /** A lease row in a table of its own, renewed while held, for databases with neither. */
    LEASE

}
