package dev.cairn.core.sql;

/**
 * The SQL syntax a script is written in, which decides how it is split.
 */
public enum SqlSyntax {

    /**
     * SQLite: {@code "..."}, backtick and {@code [...]} identifiers, and trigger bodies between {@code BEGIN} and
     * {@code END}.
     */
    SQLITE,

    /**
     * PostgreSQL: nested block comments, {@code E'...'} escape strings, dollar quotes and {@code BEGIN ATOMIC}
     * bodies.
     */
    POSTGRESQL,

    /**
     * MariaDB and MySQL: backslash escapes, {@code #} comments, {@code DELIMITER} lines and compound statements in
     * triggers, routines and events.
     */
    MYSQL,

    /**
     * H2: {@code //} comments, nested block comments and {@code $$} strings.
     */
    H2,

    /**
     * Standard SQL: {@code '...'} strings, {@code "..."} identifiers, line and block comments.
     */
    STANDARD

}
