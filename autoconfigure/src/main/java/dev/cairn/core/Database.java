package dev.cairn.core;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.cairn.MigrationException;
import dev.cairn.MigrationSettings;
import dev.cairn.Version;
import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.Dialects;
import dev.cairn.lock.LeaseLock;
import dev.cairn.lock.MariaDbNamedLock;
import dev.cairn.lock.MigrationLock;
import dev.cairn.lock.PostgresAdvisoryLock;
import dev.cairn.lock.SqliteFileLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The database a runner migrates, as found on first contact: its dialect, history table and the user that installs
 * migrations. Where it lives (the connection's catalog and current schema, and so the name its lock is known by)
 * is read on first use, which a start with nothing pending never makes: two fewer round trips on PostgreSQL. It
 * also holds the one sequence by which every operation that changes the database takes turns with other
 * instances: {@link #locked(MigrationSettings, Function)}. Each begins by making sure {@code cairn.table} names no
 * other table, so that nothing is created beside one.
 */
public final class Database {

    private static final Log logger = LogFactory.getLog(Database.class);

    private final DataSource dataSource;

    private final Dialect dialect;

    private final HistoryTable history;

    private final String installedBy;

    private final String user;

    private final MigrationSettings settings;

    private volatile @Nullable Location location;

    private Database(DataSource dataSource, Dialect dialect, HistoryTable history, String installedBy, String user,
            MigrationSettings settings) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.history = history;
        this.installedBy = installedBy;
        this.user = user;
        this.settings = settings;
    }

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
            TableName table = new TableName(settings.schema(), settings.table(), dialect);
            String user = metaData.getUserName();
            return new Database(dataSource, dialect, new HistoryTable(dataSource, dialect, table),
                    userName(metaData), (user != null) ? user : "", settings);
        }
    }

    public MigrationSettings settings() {
        return this.settings;
    }

    public DataSource dataSource() {
        return this.dataSource;
    }

    public Dialect dialect() {
        return this.dialect;
    }

    public HistoryTable history() {
        return this.history;
    }

    /**
     * The database user recorded in the history table, or the operating-system user where the database has no
     * users (SQLite).
     * @return the user
     */
    public String installedBy() {
        return this.installedBy;
    }

    /**
     * The database user as the driver reports it, empty where there is none: {@code ${flyway:user}}.
     * @return the user
     */
    public String user() {
        return this.user;
    }

    /**
     * The fully qualified history table, which names the lock.
     * @return the name
     */
    public String lockName() {
        return location().lockName();
    }

    /**
     * The connection's catalog, the database on MariaDB and MySQL.
     * @return the catalog, or {@code null}
     */
    public @Nullable String catalog() {
        return location().catalog();
    }

    /**
     * The connection's current schema, where the database has schemas.
     * @return the schema, or {@code null}
     */
    public @Nullable String currentSchema() {
        return location().currentSchema();
    }

    /**
     * The schema of the history table: the configured one or the connection's current one.
     * @return the schema, or {@code null}
     */
    public @Nullable String defaultSchema() {
        Location location = location();
        String schema = this.settings.schema();
        return (schema != null) ? schema : this.dialect.schemaIsCatalog() ? location.catalog()
                : (location.currentSchema() != null) ? location.currentSchema() : this.dialect.unnamedSchema();
    }

    private Location location() {
        Location location = this.location;
        if (location == null) {
            try (Connection connection = this.dataSource.getConnection()) {
                String catalog = connection.getCatalog();
                String currentSchema = currentSchema(connection);
                String namespace = (this.settings.schema() != null) ? this.settings.schema()
                        : join(catalog, currentSchema);
                location = new Location(catalog, currentSchema, join(namespace, this.settings.table()));
            }
            catch (SQLException ex) {
                throw new MigrationException("Could not read the connection's catalog and schema: "
                        + ex.getMessage(), "Check that the database accepts connections.",
                        ex);
            }
            this.location = location;
        }
        return location;
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
            case ADVISORY -> new PostgresAdvisoryLock(this.dataSource, lockName());
            case NAMED -> new MariaDbNamedLock(this.dataSource, this.dialect.name(), lockName());
            case FILE -> SqliteFileLock.forDatabase(this.dataSource, lockName(), () -> leaseLock(settings));
            case LEASE -> leaseLock(settings);
        };
    }

    /**
     * Keeps the version number the database file holds for applications (SQLite's {@code PRAGMA user_version}, which
     * the sqlite3 shell and Android's SQLiteOpenHelper read) equal to the current version, where that is a whole
     * number that fits: a version such as 1.2 leaves it as it is. Called after a run has changed the current version;
     * a failure is logged, not thrown, since the migrations are committed by then.
     * @param current the current version, {@code null} when nothing is applied
     */
    public void keepUserVersion(@Nullable Version current) {
        Long number = (current != null) ? current.asLong() : Long.valueOf(0);
        String statement = (number != null && number <= Integer.MAX_VALUE)
                ? this.dialect.userVersionStatement(number.intValue()) : null;
        if (statement == null) {
            return;
        }
        try (Connection connection = this.dataSource.getConnection();
                Statement jdbc = connection.createStatement()) {
            jdbc.execute(statement);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        catch (SQLException | RuntimeException ex) {
            logger.warn("Could not record version " + current + " with " + statement + ": " + ex.getMessage());
        }
    }

    private MigrationLock leaseLock(MigrationSettings settings) {
        String schema = settings.schema();
        return new LeaseLock(this.dataSource, lockName(), this.history.name().qualified() + "_lock",
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

    private record Location(@Nullable String catalog, @Nullable String currentSchema, String lockName) {
    }

    private static String join(@Nullable String first, @Nullable String second) {
        if (first == null || first.isBlank()) {
            return (second != null) ? second : "";
        }
        return (second == null || second.isBlank()) ? first : first + "." + second;
    }

}
