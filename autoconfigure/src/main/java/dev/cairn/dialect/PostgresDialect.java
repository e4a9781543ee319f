package dev.cairn.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import dev.cairn.core.sql.SqlSyntax;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL: transactional DDL, and a session-level advisory lock held on a connection of its own, so that
 * per-migration transactions and non-transactional migrations both run under it.
 */
public class PostgresDialect implements Dialect {

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public boolean supportsTransactionalDdl() {
        return true;
    }

    @Override
    public LockKind lockKind() {
        return LockKind.ADVISORY;
    }

    @Override
    public SqlSyntax sqlSyntax() {
        return SqlSyntax.POSTGRESQL;
    }

    @Override
    public String timestampType() {
        return "TIMESTAMPTZ";
    }

    @Override
    public String largeTextType() {
        return "TEXT";
    }

    @Override
    public String currentTimeMillisQuery() {
        return "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
    }

    @Override
    public String currentTimestamp() {
        return "CURRENT_TIMESTAMP";
    }

    @Override
    public String epochMillis(String column) {
        // Truncated, not rounded, as timestamp(Instant) truncates: Flyway writes microseconds here.
        return "CAST(FLOOR(EXTRACT(EPOCH FROM (" + column + " AT TIME ZONE current_setting('TimeZone'))) * 1000)"
                + " AS BIGINT)";
    }

    @Override
    public Object timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    @Override
    public @Nullable Instant readTimestamp(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return (value != null) ? value.toInstant() : null;
    }

    @Override
    public String isWholeNumber(String column) {
        // Not a regular expression: compiling one costs each new connection about a millisecond.
        return "(length(" + column + ") BETWEEN 1 AND 18 AND translate(" + column + ", '0123456789', '') = '')";
    }

    @Override
    public String overridingIdentity() {
        return " OVERRIDING SYSTEM VALUE";
    }

}
