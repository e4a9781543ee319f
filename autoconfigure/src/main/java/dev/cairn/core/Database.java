package dev.cairn.core;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.cairn.MigrationSettings;
import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.Dialects;
import dev.cairn.lock.LeaseLock;
import dev.cairn.lock.MariaDbNamedLock;
import dev.cairn.lock.MigrationLock;
import dev.cairn.lock.PostgresAdvisoryLock;
import dev.cairn.lock.SqliteFileLock;
import org.jspecify.annotations.Nullable;

/**
 * The database a runner migrates, as found on first contact: its dialect, history table, the user that installs
 * migrations and the name its lock is known by. It also holds the one sequence by which every operation that
 * changes the database takes turns with other instances: {@link #locked(MigrationSettings, Function)}. Each
 * begins by making sure {@code cairn.table} names no other table, so that nothing is created beside one.
 *
 * @param dataSource the data source
 * @param dialect the dialect
 * @param history the history table
 * @param installedBy the database user recorded in the history table, or the operating-system user where the
 * database has no users (SQLite)
 * @param user the database user as the driver reports it, empty where there is none: {@code ${flyway:user}}
 * @param lockName the fully qualified history table, which names the lock
 * @param catalog the connection's catalog, the database on MariaDB and MySQL
 * @param defaultSchema the schema of the history table: the configured one or the connection's current one
 */
public record Database(DataSource dataSource, Dialect dialect, HistoryTable history, String installedBy, String user,
        String lockName, @Nullable String catalog, @Nullable String defaultSchema) {

    /**
     * Connects once to learn what the database is.
     * @param dataSource the data source
     * @param settings the settings
     * @return the database
     * @throws SQLException when it cannot be reached
     */
    public static Database connect(DataSource dataSource, MigrationSettings settings) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // The driver's own metadata, not a pool's proxy of it: a fresh JVM loads one class fewer.
            DatabaseMetaData metaData = unwrap(connection).getMetaData();
            Dialect dialect = Dialects.forProductName(metaData.getDatabaseProductName());
            String currentSchema = currentSchema(connection);
            String namespace = (settings.schema() != null) ? settings.schema()
                    : join(connection.getCatalog(), currentSchema);
            TableName table = new TableName(settings.schema(), currentSchema, settings.table(), dialect);
            String catalog = connection.getCatalog();
            String defaultSchema = (settings.schema() != null) ? settings.schema()
                    : dialect.schemaIsCatalog() ? catalog : (currentSchema != null) ? currentSchema
                            : dialect.unnamedSchema();
            String user = metaData.getUserName();
            return new Database(dataSource, dialect, new HistoryTable(dataSource, dialect, table),
                    userName(metaData), (user != null) ? user : "", join(namespace, settings.table()), catalog,
                    defaultSchema);
        }
    }

    /**
     * Runs an operation while holding the migration lock: taken (waiting for other instances up to the settings'
     * timeout), then released whatever happens.
     * @param settings the settings
     * @param operation what to do with the lock held
     * @param <T> what it returns
     * @return what it returned
     */
    public <T> T locked(MigrationSettings settings, Function<MigrationLock, T> operation) {
        this.history.checkNotForeign();
        MigrationLock lock = newLock(settings);
        try {
            lock.acquire(settings.lockWaitTimeout());
            return operation.apply(lock);
        }
        finally {
            lock.release();
        }
    }

    /**
     * An executor for applying or reverting migrations under a held lock; made only when there is something to do,
     * so a start with nothing pending loads no transaction machinery.
     * @param lock the held lock
     * @param callbacks the callbacks
     * @return the executor
     */
    public MigrationExecutor newExecutor(MigrationLock lock, Callbacks callbacks) {
        return new MigrationExecutor(this, lock, callbacks, this.history.nextRank());
    }

    private MigrationLock newLock(MigrationSettings settings) {
        return switch (this.dialect.lockKind()) {
            case ADVISORY -> new PostgresAdvisoryLock(this.dataSource, this.lockName);
            case NAMED -> new MariaDbNamedLock(this.dataSource, this.dialect.name(), this.lockName);
            case FILE -> SqliteFileLock.forDatabase(this.dataSource, this.lockName, () -> leaseLock(settings));
            case LEASE -> leaseLock(settings);
        };
    }

    private MigrationLock leaseLock(MigrationSettings settings) {
        String schema = settings.schema();
        return new LeaseLock(this.dataSource, this.lockName, this.history.name().qualified() + "_lock",
                settings.lockLease(), this.dialect.currentTimeMillisQuery(),
                (schema != null) ? this.dialect.createSchema(schema) : null);
    }

    private static Connection unwrap(Connection connection) {
        try {
            return connection.unwrap(Connection.class);
        }
        catch (SQLException | RuntimeException | AbstractMethodError ex) {
            return connection;
        }
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
