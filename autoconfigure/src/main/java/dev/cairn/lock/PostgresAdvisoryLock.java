package dev.cairn.lock;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's session-level advisory lock, keyed by ("CAIR", CRC32 of the history table's qualified name). It
 * blocks in the server with {@code lock_timeout}, so a waiter proceeds the moment the holder releases.
 */
public class PostgresAdvisoryLock extends SessionLock {

    private static final int LOCK_CLASS = 0x43414952;

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final int key;

    public PostgresAdvisoryLock(DataSource dataSource, String lockName) {
        this(dataSource, lockName, key(lockName));
    }

    private PostgresAdvisoryLock(DataSource dataSource, String lockName, int key) {
        super(dataSource, "PostgreSQL advisory lock (" + LOCK_CLASS + ", " + key + ") for " + lockName);
        this.key = key;
    }

    @Override
    protected boolean lock(Connection connection, Duration wait) throws SQLException {
        // The connection returns to the application's pool afterwards, so its own lock_timeout is restored.
        Object original = queryForValue(connection, "SELECT current_setting('lock_timeout')");
        queryForValue(connection, "SELECT set_config('lock_timeout', ?, false)", wait.toMillis() + "ms");
        try {
            queryForValue(connection, "SELECT pg_advisory_lock(?, ?)", LOCK_CLASS, this.key);
            return true;
        }
        catch (SQLException ex) {
            if (LOCK_NOT_AVAILABLE.equals(ex.getSQLState())) {
                return false;
            }
            throw ex;
        }
        finally {
            queryForValue(connection, "SELECT set_config('lock_timeout', ?, false)", String.valueOf(original));
        }
    }

    @Override
    protected void unlock(Connection connection) throws SQLException {
        queryForValue(connection, "SELECT pg_advisory_unlock(?, ?)", LOCK_CLASS, this.key);
    }

    @Override
    protected @Nullable String describeHolder(Connection connection) throws SQLException {
        Object holder = queryForValue(connection, "SELECT 'pid ' || a.pid || ' (' || coalesce(a.usename, '?')"
                + " || '@' || coalesce(host(a.client_addr), 'local') || ', application '''"
                + " || coalesce(a.application_name, '') || ''', since ' || a.backend_start || ')'"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'"
                + " AND l.granted AND l.objsubid = 2 AND l.classid::text = ? AND l.objid::text = ?",
                Integer.toUnsignedString(LOCK_CLASS), Integer.toUnsignedString(this.key));
        return (holder != null) ? holder.toString() : null;
    }

    private static int key(String lockName) {
        CRC32 crc = new CRC32();
        crc.update(lockName.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

}
