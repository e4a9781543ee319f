package dev.cairn.core;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import dev.cairn.dialect.Dialect;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlTypeValue;

/**
 * The table that records every applied migration: one row per version, written in the migration's own
 * transaction.
 */
public final class HistoryTable {

    private static final String COLUMNS = "version, description, type, checksum, installed_on, installed_by,"
            + " execution_time, success";

    private static final int[] INSERT_TYPES = { Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.INTEGER,
            SqlTypeValue.TYPE_UNKNOWN, Types.VARCHAR, Types.BIGINT, Types.BOOLEAN };

    private static final int[] INSERT_TYPES_WITH_DATABASE_CLOCK = { Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
            Types.INTEGER, Types.VARCHAR, Types.BIGINT, Types.BOOLEAN };

    private final DataSource dataSource;

    private @Nullable JdbcTemplate jdbc;

    private final Dialect dialect;

    private final @Nullable String schema;

    private final @Nullable String currentSchema;

    private final String table;

    private final String qualifiedName;

    private final String insertSql;

    private final boolean databaseClock;

    private final String planningSql;

    private final RowMapper<AppliedMigration> rowMapper;

    /**
     * The history table of one database.
     * @param dataSource where to read and write it
     * @param dialect the database's dialect
     * @param schema the configured schema, or {@code null} to use the connection's current one
     * @param currentSchema the connection's current schema, where the database has schemas
     * @param table the table's name
     */
    public HistoryTable(DataSource dataSource, Dialect dialect, @Nullable String schema,
            @Nullable String currentSchema, String table) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.schema = schema;
        this.currentSchema = currentSchema;
        this.table = table;
        this.qualifiedName = (schema != null) ? schema + "." + table : table;
        String now = dialect.currentTimestamp();
        this.databaseClock = now != null;
        this.insertSql = "INSERT INTO " + this.qualifiedName + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, "
                + (this.databaseClock ? now : "?") + ", ?, ?, ?)";
        this.planningSql = "SELECT version, checksum, success, CASE WHEN success THEN NULL ELSE description END FROM "
                + this.qualifiedName + " ORDER BY version";
        this.rowMapper = (rs, row) -> new AppliedMigration(rs.getLong("version"), rs.getString("description"),
                rs.getString("type"), checksum(rs),
                dialect.readTimestamp(rs, "installed_on"), rs.getString("installed_by"), rs.getLong("execution_time"),
                rs.getBoolean("success"));
    }

    /**
     * The template for everything but the planning read, made on first use so that a start with nothing pending
     * does not load it.
     * @return the template
     */
    synchronized JdbcTemplate jdbc() {
        if (this.jdbc == null) {
            this.jdbc = new JdbcTemplate(this.dataSource);
        }
        return this.jdbc;
    }

    public String qualifiedName() {
        return this.qualifiedName;
    }

    /**
     * Reads every row in version order, or {@code null} when the table does not exist yet.
     * @return the rows, or {@code null}
     */
    public @Nullable List<AppliedMigration> readIfExists() {
        try {
            return read();
        }
        catch (DataAccessException ex) {
            // Created meanwhile by another instance, or failing for a reason that reading again will show.
            return exists() ? read() : null;
        }
    }

    /**
     * Reads what planning a migrate needs of every row (version, checksum, success, and the description of a
     * failed one, the only one a message may need), in version order, or {@code null} when it cannot be read: the
     * table is missing, or something else fails that {@link #readForPlanning()} under the lock will report. This is
     * the one query a start with nothing pending makes, so it is plain JDBC on a connection of its own: no template
     * or exception translation to load, and no caller's transaction to abort when the table is missing.
     * @return the rows, or {@code null}
     */
    public @Nullable List<AppliedMigration> readForPlanningIfExists() {
        try (Connection connection = this.dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(this.planningSql)) {
            List<AppliedMigration> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(planningRow(rs));
            }
            return rows;
        }
        catch (SQLException ex) {
            return null;
        }
    }

    /**
     * Reads what planning a migrate needs of every row, in version order.
     * @return the rows
     */
    public List<AppliedMigration> readForPlanning() {
        return jdbc().query(this.planningSql, (rs, row) -> planningRow(rs));
    }

    private static AppliedMigration planningRow(ResultSet rs) throws SQLException {
        int checksum = rs.getInt(2);
        Integer declared = rs.wasNull() ? null : checksum;
        return new AppliedMigration(rs.getLong(1), rs.getString(4), null, declared, null, null, null,
                rs.getBoolean(3));
    }

    /**
     * Reads every row in version order.
     * @return the rows
     */
    public List<AppliedMigration> read() {
        return jdbc().query("SELECT " + COLUMNS + " FROM " + this.qualifiedName + " ORDER BY version",
                this.rowMapper);
    }

    /**
     * Creates the table, and its schema when one is configured, unless they exist.
     */
    public void createIfMissing() {
        if (exists()) {
            return;
        }
        createSchemaIfMissing();
        jdbc().execute(this.dialect.createHistoryTable(this.qualifiedName));
    }

    /**
     * Creates the configured schema unless it exists, before a lock table is placed in it.
     */
    public void createSchemaIfMissing() {
        String createSchema = (this.schema != null) ? this.dialect.createSchema(this.schema) : null;
        if (createSchema != null) {
            try {
                jdbc().execute(createSchema);
            }
            catch (DataAccessException ex) {
                // Another instance created it at the same moment; if it really is missing, the next statement says so.
            }
        }
    }

    /**
     * Records a migration, in the caller's transaction when there is one. Where the dialect has a
     * {@linkplain Dialect#currentTimestamp() database clock}, {@code installed_on} is the database's time rather
     * than the row's.
     * @param row the row
     */
    public void insert(AppliedMigration row) {
        // Typed parameters: an untyped null (a missing checksum) makes some drivers describe the statement first.
        Object[] values = (this.databaseClock)
                ? new Object[] { row.version(), row.description(), row.type(), row.checksum(), row.installedBy(),
                        row.executionTime(), row.success() }
                : new Object[] { row.version(), row.description(), row.type(), row.checksum(),
                        this.dialect.timestamp(row.installedOn()), row.installedBy(), row.executionTime(),
                        row.success() };
        jdbc().update(this.insertSql, values, this.databaseClock ? INSERT_TYPES_WITH_DATABASE_CLOCK : INSERT_TYPES);
    }

    public void delete(long version) {
        jdbc().update("DELETE FROM " + this.qualifiedName + " WHERE version = ?", version);
    }

    public void markFailed(long version) {
        jdbc().update("UPDATE " + this.qualifiedName + " SET success = ? WHERE version = ?", false, version);
    }

    /**
     * Removes the rows of failed migrations.
     * @return how many were removed
     */
    public int deleteFailed() {
        return jdbc().update("DELETE FROM " + this.qualifiedName + " WHERE success = ?", false);
    }

    private boolean exists() {
        Boolean exists = jdbc().execute((Connection connection) -> {
            DatabaseMetaData metaData = connection.getMetaData();
            String schemaPattern = (this.schema != null) ? fold(metaData, this.schema) : this.currentSchema;
            String catalog = connection.getCatalog();
            if (this.schema != null && this.dialect.schemaIsCatalog()) {
                catalog = this.schema;
                schemaPattern = null;
            }
            try (ResultSet tables = metaData.getTables(catalog, schemaPattern, fold(metaData, this.table), null)) {
                return tables.next();
            }
        });
        return Boolean.TRUE.equals(exists);
    }

    private static @Nullable Integer checksum(ResultSet rs) throws SQLException {
        int checksum = rs.getInt("checksum");
        return rs.wasNull() ? null : checksum;
    }

    private static String fold(DatabaseMetaData metaData, String identifier) throws SQLException {
        if (metaData.storesUpperCaseIdentifiers()) {
            return identifier.toUpperCase(Locale.ROOT);
        }
        if (metaData.storesLowerCaseIdentifiers()) {
            return identifier.toLowerCase(Locale.ROOT);
        }
        return identifier;
    }

}
