package dev.cairn.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import dev.cairn.lock.MigrationLock;
import dev.cairn.lock.SessionLock;

import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL: transactional DDL, and a session-level advisory lock held on a connection of its own, so that
 * per-migration transactions and non-transactional migrations both run under it.
 */
public class PostgresDialect implements Dialect {

    /** First key of the two-key advisory lock: "CAIR". */
    private static final int LOCK_CLASS = 0x43414952;

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public boolean supportsTransactionalDdl() {
        return true;
    }

    @Override
    public String[] historyColumnTypes() {
        return new String[] { "VARCHAR(200)", "BOOLEAN", "TIMESTAMPTZ" };
    }

    @Override
    public String currentTimeMillisQuery() {
        return "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
    }

    @Override
    public MigrationLock newLock(DataSource dataSource, String lockName, String lockTable, Duration lease) {
        CRC32 crc = new CRC32();
        crc.update(lockName.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int key = (int) crc.getValue();
        Object[] keys = { LOCK_CLASS, key };
        return new SessionLock(dataSource, "PostgreSQL advisory lock (" + LOCK_CLASS + ", " + key + ") for " + lockName,
                "SELECT pg_try_advisory_lock(?, ?)", "SELECT pg_advisory_unlock(?, ?)",
                "SELECT 'pid ' || a.pid || ' (' || coalesce(a.usename, '?') || '@'"
                        + " || coalesce(host(a.client_addr), 'local') || ', application '''"
                        + " || coalesce(a.application_name, '') || ''', since ' || a.backend_start || ')'"
                        + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'"
                        + " AND l.granted AND l.objsubid = 2 AND l.classid::text = ? AND l.objid::text = ?",
                keys, new Object[] { Integer.toUnsignedString(LOCK_CLASS), Integer.toUnsignedString(key) });
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

}
