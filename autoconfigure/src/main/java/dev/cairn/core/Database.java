package dev.cairn.core;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import dev.cairn.MigrationSettings;
import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.Dialects;
import dev.cairn.lock.MigrationLock;
import org.jspecify.annotations.Nullable;


/**
 * The database a runner migrates, as found on first contact: its dialect, history table, executor, the user that
 * installs migrations and the name its lock is known by.
 *
 * @param dataSource the data source
 * @param dialect the dialect
 * @param history the history table
 * @param installedBy the database user recorded in the history table
 * @param lockName the fully qualified history table, which names the lock
 */
public record Database(DataSource dataSource, Dialect dialect, HistoryTable history, String installedBy,
        String lockName) {

    /**
     * Connects once to learn what the database is.
     * @param dataSource the data source
     * @param settings the settings
     * @return the database
     * @throws SQLException when it cannot be reached
     */
    public static Database connect(DataSource dataSource, MigrationSettings settings) throws SQLException {
        Dialect dialect;
        String installedBy;
        String lockName;
        String currentSchema;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            dialect = Dialects.forProductName(metaData.getDatabaseProductName());
            installedBy = userName(metaData);
            currentSchema = currentSchema(connection);
            String namespace = (settings.schema() != null) ? settings.schema()
                    : join(connection.getCatalog(), currentSchema);
            lockName = join(namespace, settings.table());
        }
        HistoryTable history = new HistoryTable(dataSource, dialect, settings.schema(), currentSchema,
                settings.table());
        return new Database(dataSource, dialect, history, installedBy, lockName);
    }

    /**
     * An executor for applying or reverting migrations; made only when there is something to do, so a start with
     * nothing pending loads no transaction machinery.
     * @return the executor
     */
    public MigrationExecutor newExecutor() {
        return new MigrationExecutor(this.dataSource, this.dialect, this.history);
    }

    /**
     * A new, unheld lock for this database's history table.
     * @param lease how long a lease lasts without a heartbeat, where the lock is a lease
     * @return the lock
     */
    public MigrationLock newLock(Duration lease) {
        // A lease table lives next to the history table, so its schema must exist before the lock is taken.
        this.history.createSchemaIfMissing();
        return this.dialect.newLock(this.dataSource, this.lockName, this.history.qualifiedName() + "_lock", lease);
    }

    private static String userName(DatabaseMetaData metaData) throws SQLException {
        String user = metaData.getUserName();
        if (user == null || user.isBlank()) {
            user = System.getProperty("user.name", "unknown");
        }
        return (user.length() > 100) ? user.substring(0, 100) : user;
    }

    private static @Nullable String currentSchema(Connection connection) {
        try {
            return connection.getSchema();
        }
        catch (SQLException | AbstractMethodError ex) {
            return null;
        }
    }

    private static String join(@Nullable String first, @Nullable String second) {
        if (first == null || first.isBlank()) {
            return (second != null) ? second : "";
        }
        return (second == null || second.isBlank()) ? first : first + "." + second;
    }

}
