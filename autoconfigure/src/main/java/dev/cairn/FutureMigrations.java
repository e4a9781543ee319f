package dev.cairn;

/**
 * What an application does when it starts against a database that a newer version of it migrated further, as in a
 * rolling deploy: the history has migrations above the application's latest ({@code cairn.future}). Migrations that
 * were all additive never stop it; it logs them at INFO and starts.
 */
public enum FutureMigrations {

    /** Refuse to start when one of them broke older versions, or is not known to be additive. */
    FAIL,

    /** Log a WARN naming them, and start. */
    WARN,

    /** Start without a word. */
    IGNORE

}
