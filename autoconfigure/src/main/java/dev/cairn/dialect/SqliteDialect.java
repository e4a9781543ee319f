package dev.cairn.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.cairn.core.sql.SqlSyntax;
import org.jspecify.annotations.Nullable;

/**
 * SQLite: transactional DDL, a lock on a file beside the database (processes may share one file), ISO-8601 text
 * times.
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
    public LockKind lockKind() {
        return LockKind.FILE;
    }

    @Override
    public SqlSyntax sqlSyntax() {
        return SqlSyntax.SQLITE;
    }

    @Override
    public String identityColumn() {
        return "INTEGER PRIMARY KEY AUTOINCREMENT";
    }

    @Override
    public String varcharType(int length) {
        return "TEXT";
    }

    @Override
    public String booleanType() {
        return "INTEGER";
    }

    @Override
    public String timestampType() {
        return "TEXT";
    }

    @Override
    public String largeTextType() {
        return "TEXT";
    }

    @Override
    public @Nullable String createSchema(String schema) {
        return null;
    }

    @Override
    public String unnamedSchema() {
        return "main";
    }

    @Override
    public String userVersionStatement(int version) {
        return "PRAGMA user_version = " + version;
    }

    @Override
    public String currentTimeMillisQuery() {
        return "SELECT CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)";
    }

    @Override
    public String currentTimestamp() {
        // The text Instant.parse reads, as timestamp(Instant) writes it: 2026-11-22T09:15:02.123Z.
        return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
    }

    @Override
    public String epochMillis(String column) {
        return "CAST(ROUND((julianday(" + column + ") - 2440587.5) * 86400000.0) AS INTEGER)";
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

    @Override
    public String isWholeNumber(String column) {
        return "(" + column + " GLOB '[0-9]*' AND " + column + " NOT GLOB '*[^0-9]*' AND length(" + column + ") <= 18)";
    }

    @Override
    public boolean oneWriterAtATime() {
        return true;
    }

}
