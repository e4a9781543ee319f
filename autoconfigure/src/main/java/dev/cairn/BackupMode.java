package dev.cairn;

/**
 * When Cairn backs up before a migration ({@code cairn.backup.mode}).
 */
public enum BackupMode {

    /** Before a migration that declares the tables it destroys ({@link Migration#destroys()}). */
    DESTRUCTIVE,

    /**
     * Before every migration: the declared tables, or where none are declared every table of the schema (SQLite:
     * the database file).
     */
    ALL,

    /** Never. */
    OFF

}
