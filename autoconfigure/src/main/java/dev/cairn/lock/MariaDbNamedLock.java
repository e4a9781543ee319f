package dev.cairn.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * MariaDB's and MySQL's {@code GET_LOCK}, named after the history table. It blocks in the server for the given
 * time, so a waiter proceeds the moment the holder releases.
 */
public class MariaDbNamedLock extends SessionLock {

    private static final int MAX_NAME = 64;

    private final String key;

    public MariaDbNamedLock(DataSource dataSource, String databaseName, String lockName) {
        super(dataSource, databaseName + " GET_LOCK('" + key(lockName) + "')");
        this.key = key(lockName);
    }

    @Override
    protected boolean lock(Connection connection, Duration wait) throws SQLException {
        // Fractional seconds: MariaDB honours them, MySQL rounds, and either way the caller tries again.
        Object result = queryForValue(connection, "SELECT GET_LOCK(?, ?)", this.key, wait.toMillis() / 1000.0);
        return result instanceof Number number && number.intValue() == 1;
    }

    @Override
    protected void unlock(Connection connection) throws SQLException {
        queryForValue(connection, "SELECT RELEASE_LOCK(?)", this.key);
    }

    @Override
    protected @Nullable String describeHolder(Connection connection) throws SQLException {
        Object holder = queryForValue(connection,
                "SELECT CONCAT('connection ', p.ID, ' (', p.USER, '@', p.HOST, ', since ', p.TIME, ' s)')"
                        + " FROM information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)",
                this.key);
        return (holder != null) ? holder.toString() : null;
    }

    private static String key(String lockName) {
        String key = "cairn:" + lockName;
        return (key.length() > MAX_NAME) ? key.substring(0, MAX_NAME) : key;
    }

}
