package dev.cairn.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A lock owned by a database session, held on a connection of its own for the whole run (PostgreSQL's advisory
 * locks, MariaDB's and MySQL's {@code GET_LOCK}). It dies with the session, so a crashed holder never blocks
 * others.
 */
public class SessionLock extends PollingLock {

    private final DataSource dataSource;

    private final String lockSql;

    private final String unlockSql;

    private final String holderSql;

    private final Object[] keys;

    private final Object[] holderKeys;

    private @Nullable Connection connection;

    public SessionLock(DataSource dataSource, String name, String lockSql, String unlockSql, String holderSql,
            Object[] keys, Object[] holderKeys) {
        super(name);
        this.dataSource = dataSource;
        this.lockSql = lockSql;
        this.unlockSql = unlockSql;
        this.holderSql = holderSql;
        this.keys = keys.clone();
        this.holderKeys = holderKeys.clone();
    }

    @Override
    protected boolean tryAcquire() {
        try {
            if (this.connection == null) {
                this.connection = this.dataSource.getConnection();
                if (!this.connection.getAutoCommit()) {
                    this.connection.setAutoCommit(true);
                }
            }
            Object result = query(this.connection, this.lockSql, this.keys);
            return Boolean.TRUE.equals(result) || (result instanceof Number number && number.intValue() == 1);
        }
        catch (SQLException ex) {
            closeConnection();
            throw new IllegalStateException("Could not take the migration lock " + name() + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    protected String holder() {
        try (Connection lookup = this.dataSource.getConnection()) {
            Object holder = query(lookup, this.holderSql, this.holderKeys);
            return (holder != null) ? holder.toString() : "another session (it may have just released it)";
        }
        catch (SQLException ex) {
            return "another session (not visible: " + ex.getMessage() + ")";
        }
    }

    @Override
    public void checkHeld() {
        // The lock lives as long as its session; a broken connection fails the next statement anyway.
    }

    @Override
    public void release() {
        if (this.connection == null) {
            return;
        }
        try {
            query(this.connection, this.unlockSql, this.keys);
        }
        catch (SQLException ex) {
            // Closing the session below releases the lock all the same.
        }
        finally {
            closeConnection();
        }
    }

    private void closeConnection() {
        Connection held = this.connection;
        this.connection = null;
        if (held != null) {
            DataSourceUtils.releaseConnection(held, this.dataSource);
        }
    }

    private static @Nullable Object query(Connection connection, String sql, Object[] parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

}
