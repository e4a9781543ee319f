package dev.cairn.core.sql;

/**
 * The SQL syntax a script is written in, which decides how it is split.
 */
public enum SqlSyntax {

    SQLITE, POSTGRESQL, MYSQL, H2, STANDARD

}
