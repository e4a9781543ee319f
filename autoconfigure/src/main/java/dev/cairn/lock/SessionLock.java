package dev.cairn.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A lock owned by a database session, held on a connection of its own for the whole run. It dies with the session,
 * so a crashed holder never blocks others. Subclasses say how their database takes, releases and describes it.
 */
public abstract class SessionLock extends PollingLock {

    private final DataSource dataSource;

    private @Nullable Connection connection;

    protected SessionLock(DataSource dataSource, String name) {
        super(name);
        this.dataSource = dataSource;
    }

    @Override
    protected final boolean tryAcquire(Duration wait) {
        try {
            if (this.connection == null) {
                this.connection = this.dataSource.getConnection();
                if (!this.connection.getAutoCommit()) {
                    this.connection.setAutoCommit(true);
                }
            }
            return lock(this.connection, wait);
        }
        catch (SQLException ex) {
            closeConnection();
            throw new IllegalStateException("Could not take the migration lock " + name() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Takes the lock on the session's connection, blocking at most the given time.
     * @param connection the lock's own connection
     * @param wait how long to block
     * @return whether the lock is now held
     * @throws SQLException when the database fails
     */
    protected abstract boolean lock(Connection connection, Duration wait) throws SQLException;

    /**
     * Releases the lock on the session's connection.
     * @param connection the lock's own connection
     * @throws SQLException when the database fails
     */
    protected abstract void unlock(Connection connection) throws SQLException;

    /**
     * Describes the session holding the lock, or returns {@code null} when none does.
     * @param connection any connection
     * @return the description
     * @throws SQLException when the database fails
     */
    protected abstract @Nullable String describeHolder(Connection connection) throws SQLException;

    @Override
    protected String holder() {
        try (Connection lookup = this.dataSource.getConnection()) {
            String holder = describeHolder(lookup);
            return (holder != null) ? holder : "another session (it may have just released it)";
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
            unlock(this.connection);
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

    /**
     * Runs a query that returns one value.
     * @param connection the connection
     * @param sql the query
     * @param parameters its parameters
     * @return the first column of the first row, or {@code null}
     * @throws SQLException when the database fails
     */
    protected static @Nullable Object queryForValue(Connection connection, String sql, Object... parameters)
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
