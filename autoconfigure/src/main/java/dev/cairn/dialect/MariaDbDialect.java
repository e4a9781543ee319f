package dev.cairn.dialect;

import dev.cairn.core.sql.SqlSyntax;

/**
 * MariaDB and MySQL: DDL commits implicitly and cannot be rolled back, so a migration is recorded before it runs
 * and completed afterwards; {@code GET_LOCK} on a connection of its own serializes instances.
 */
public class MariaDbDialect implements Dialect {

    private final String name;

    public MariaDbDialect(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public boolean supportsTransactionalDdl() {
        return false;
    }

    @Override
    public LockKind lockKind() {
        return LockKind.NAMED;
    }

    @Override
    public SqlSyntax sqlSyntax() {
        return SqlSyntax.MYSQL;
    }

    @Override
    public String identityColumn() {
        return "BIGINT AUTO_INCREMENT PRIMARY KEY";
    }

    @Override
    public String bigintType() {
        return "SIGNED";
    }

    @Override
    public String timestampType() {
        return "DATETIME(3)";
    }

    @Override
    public String largeTextType() {
        return "LONGTEXT";
    }

    @Override
    public String createSchema(String schema) {
        return "CREATE DATABASE IF NOT EXISTS " + schema;
    }

    @Override
    public boolean schemaIsCatalog() {
        return true;
    }

    @Override
    public String renameTable(String table, String qualifiedTarget, String simpleTarget) {
        return "RENAME TABLE " + table + " TO " + qualifiedTarget;
    }

    @Override
    public boolean logsFailedStatements() {
        return true;
    }

    @Override
    public String currentTimeMillisQuery() {
        return "SELECT CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)";
    }

    @Override
    public String currentTimestamp() {
        return "UTC_TIMESTAMP(3)";
    }

    @Override
    public String epochMillis(String column) {
        return "CAST(UNIX_TIMESTAMP(" + column + ") * 1000 AS SIGNED)";
    }

    @Override
    public String isWholeNumber(String column) {
        return column + " REGEXP '^[0-9]{1,18}$'";
    }

}
