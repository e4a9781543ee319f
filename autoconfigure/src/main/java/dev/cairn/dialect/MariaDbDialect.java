package dev.cairn.dialect;

import java.time.Duration;

import javax.sql.DataSource;

import dev.cairn.lock.MigrationLock;
import dev.cairn.lock.MariaDbNamedLock;

/**
 * MariaDB and MySQL: DDL commits implicitly and cannot be rolled back, so a failed migration is recorded as
 * FAILED; {@code GET_LOCK} on a connection of its own serializes instances.
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
    public String identityColumn() {
        return "BIGINT AUTO_INCREMENT PRIMARY KEY";
    }

    @Override
    public String[] historyColumnTypes() {
        return new String[] { "VARCHAR(200)", "BOOLEAN", "DATETIME(3)" };
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
    public String currentTimeMillisQuery() {
        return "SELECT CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)";
    }

    @Override
    public String currentTimestamp() {
        return "UTC_TIMESTAMP(3)";
    }

    @Override
    public MigrationLock newLock(DataSource dataSource, String lockName, String lockTable, Duration lease) {
        return new MariaDbNamedLock(dataSource, name(), lockName);
    }

}
