package dev.cairn.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import dev.cairn.lock.LeaseLock;
import dev.cairn.lock.MigrationLock;

import org.jspecify.annotations.Nullable;

/**
 * What differs between databases: history table DDL, the database clock, how to lock and whether DDL is
 * transactional. Identifiers are validated before they reach a dialect, so they are used unquoted.
 */
public interface Dialect {

    /**
     * The database's name as shown in logs and errors.
     * @return the name
     */
    String name();

    /**
     * Whether a failed migration's DDL is rolled back with its transaction.
     * @return {@code true} where DDL is transactional
     */
    boolean supportsTransactionalDdl();

    /**
     * Column types of the history table: text, boolean and timestamp, in that order.
     * @return the three types
     */
    default String[] historyColumnTypes() {
        return new String[] { "VARCHAR(200)", "BOOLEAN", "TIMESTAMP" };
    }

    /**
     * The DDL that creates the history table when it is missing.
     * @param table the qualified table name
     * @return the statement
     */
    default String createHistoryTable(String table) {
        String[] types = historyColumnTypes();
        return "CREATE TABLE IF NOT EXISTS " + table + " (version BIGINT NOT NULL PRIMARY KEY, description "
                + types[0] + " NOT NULL, type " + types[0] + " NOT NULL, checksum INTEGER, installed_on " + types[2]
                + " NOT NULL, installed_by " + types[0] + " NOT NULL, execution_time INTEGER NOT NULL, success "
                + types[1] + " NOT NULL)";
    }

    /**
     * The DDL that creates a schema when it is missing, or {@code null} where schemas are not created.
     * @param schema the schema
     * @return the statement
     */
    default @Nullable String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + schema;
    }

    /**
     * Whether a schema is what JDBC calls a catalog, as MariaDB's and MySQL's databases are.
     * @return {@code true} where {@code cairn.schema} names a catalog
     */
    default boolean schemaIsCatalog() {
        return false;
    }

    /**
     * A query returning the database clock in milliseconds since the epoch, or {@code null} to use the
     * application's clock. Leases compare against the database clock so instances with skewed clocks agree.
     * @return the query
     */
    default @Nullable String currentTimeMillisQuery() {
        return null;
    }

    /**
     * The lock that makes one instance at a time migrate. The default is a lease row in a table of its own,
     * which works on any database; databases with a session-scoped lock use that instead.
     * @param dataSource where to lock
     * @param lockName a name that identifies the history table, such as {@code public.cairn_migrations}
     * @param lockTable the qualified name of the lease table
     * @param lease how long a lease lasts without a heartbeat
     * @return an unheld lock
     */
    default MigrationLock newLock(DataSource dataSource, String lockName, String lockTable,
            Duration lease) {
        return new LeaseLock(dataSource, this, lockName, lockTable, lease);
    }

    /**
     * The value to bind for a history timestamp.
     * @param instant the instant
     * @return the JDBC parameter
     */
    default Object timestamp(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    /**
     * Reads a history timestamp written by {@link #timestamp(Instant)}.
     * @param rs the result set
     * @param column the column
     * @return the instant, or {@code null}
     * @throws SQLException when it cannot be read
     */
    default @Nullable Instant readTimestamp(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
    }

}
