package dev.cairn.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import dev.cairn.lock.LeaseLock;
import dev.cairn.lock.MigrationLock;
import dev.cairn.lock.SqliteFileLock;

import org.jspecify.annotations.Nullable;

/**
 * SQLite: transactional DDL, a lock file beside the database (two processes may share one file), ISO-8601 text times.
 */
public class SqliteDialect implements Dialect {

    @Override
    public String name() {
        return "SQLite";
    }

    @Override
    public boolean supportsTransactionalDdl() {
        return true;
    }

    @Override
    public String identityColumn() {
        return "INTEGER PRIMARY KEY AUTOINCREMENT";
    }

    @Override
    public String[] historyColumnTypes() {
        return new String[] { "TEXT", "INTEGER", "TEXT" };
    }

    @Override
    public @Nullable String createSchema(String schema) {
        return null;
    }

    @Override
    public String currentTimeMillisQuery() {
        return "SELECT CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)";
    }

    @Override
    public MigrationLock newLock(DataSource dataSource, String lockName, String lockTable, Duration lease) {
        return SqliteFileLock.forDatabase(dataSource, lockName,
                () -> new LeaseLock(dataSource, this, lockName, lockTable, lease));
    }

    @Override
    public String currentTimestamp() {
        // The text Instant.parse reads, as timestamp(Instant) writes it: 2026-11-22T09:15:02.123Z.
        return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
    }

    @Override
    public Object timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    @Override
    public @Nullable Instant readTimestamp(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return (value != null) ? Instant.parse(value) : null;
    }

}
