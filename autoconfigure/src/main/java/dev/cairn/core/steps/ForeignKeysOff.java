package dev.cairn.core.steps;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a migration's transaction on a connection with SQLite's foreign keys switched off, as its table rebuild
 * requires: the switch has no effect inside a transaction, so it is thrown on the connection before the transaction
 * begins and thrown back after it ends. The connection is bound for the transaction manager, which then begins the
 * transaction on it instead of taking another one from the pool.
 */
public final class ForeignKeysOff {

    private ForeignKeysOff() {
    }

    /**
     * Runs work, normally a transaction on {@code dataSource}, with foreign keys off.
     * @param dataSource the migrating data source
     * @param work the work
     * @param <T> what it returns
     * @return what it returned
     */
    public static <T> T around(DataSource dataSource, Supplier<T> work) {
        Connection connection;
        boolean enforced;
        try {
            connection = dataSource.getConnection();
            enforced = enforced(connection);
            if (enforced) {
                execute(connection, "PRAGMA foreign_keys = OFF");
            }
        }
        catch (SQLException ex) {
            throw new CannotGetJdbcConnectionException("Could not switch SQLite's foreign keys off", ex);
        }
        TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(connection));
        try {
            return work.get();
        }
        finally {
            TransactionSynchronizationManager.unbindResource(dataSource);
            try (connection) {
                if (enforced) {
                    execute(connection, "PRAGMA foreign_keys = ON");
                }
            }
            catch (SQLException ex) {
                throw new CannotGetJdbcConnectionException("Could not switch SQLite's foreign keys back on", ex);
            }
        }
    }

    private static boolean enforced(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA foreign_keys")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

}
