package dev.cairn.core;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import dev.cairn.dialect.Dialect;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The table that records every applied migration: one row per version, written in the migration's own
 * transaction.
 */
public final class HistoryTable {

    private static final String COLUMNS = "version, description, type, checksum, installed_on, installed_by,"
            + " execution_time, success";

    private final JdbcTemplate jdbc;

    private final Dialect dialect;

    private final @Nullable String schema;

    private final @Nullable String currentSchema;

    private final String table;

    private final String qualifiedName;

    private final String insertSql;

    private final RowMapper<AppliedMigration> rowMapper;

    /**
     * The history table of one database.
     * @param jdbc where to read and write it
     * @param dialect the database's dialect
     * @param schema the configured schema, or {@code null} to use the connection's current one
     * @param currentSchema the connection's current schema, where the database has schemas
     * @param table the table's name
     */
    public HistoryTable(JdbcTemplate jdbc, Dialect dialect, @Nullable String schema, @Nullable String currentSchema,
            String table) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.schema = schema;
        this.currentSchema = currentSchema;
        this.table = table;
        this.qualifiedName = (schema != null) ? schema + "." + table : table;
        this.insertSql = "INSERT INTO " + this.qualifiedName + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        this.rowMapper = (rs, row) -> new AppliedMigration(rs.getLong("version"), rs.getString("description"),
                rs.getString("type"), checksum(rs),
                dialect.readTimestamp(rs, "installed_on"), rs.getString("installed_by"), rs.getLong("execution_time"),
                rs.getBoolean("success"));
    }

    JdbcTemplate jdbc() {
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
     * Reads what planning a migrate needs of every row (version, description, checksum, success), in version
     * order, or {@code null} when the table does not exist yet. This is all a start with nothing pending reads.
     * @return the rows, or {@code null}
     */
    public @Nullable List<AppliedMigration> readForPlanningIfExists() {
        try {
            return readForPlanning();
        }
        catch (DataAccessException ex) {
            return exists() ? readForPlanning() : null;
        }
    }

    /**
     * Reads what planning a migrate needs of every row, in version order.
     * @return the rows
     */
    public List<AppliedMigration> readForPlanning() {
        return this.jdbc.query("SELECT version, description, checksum, success FROM " + this.qualifiedName
                + " ORDER BY version", (rs, row) -> {
                    int checksum = rs.getInt(3);
                    return new AppliedMigration(rs.getLong(1), rs.getString(2), null, rs.wasNull() ? null : checksum,
                            null, null, null, rs.getBoolean(4));
                });
    }

    /**
     * Reads every row in version order.
     * @return the rows
     */
    public List<AppliedMigration> read() {
        return this.jdbc.query("SELECT " + COLUMNS + " FROM " + this.qualifiedName + " ORDER BY version",
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
        this.jdbc.execute(this.dialect.createHistoryTable(this.qualifiedName));
    }

    /**
     * Creates the configured schema unless it exists, before a lock table is placed in it.
     */
    public void createSchemaIfMissing() {
        String createSchema = (this.schema != null) ? this.dialect.createSchema(this.schema) : null;
        if (createSchema != null) {
            try {
                this.jdbc.execute(createSchema);
            }
            catch (DataAccessException ex) {
                // Another instance created it at the same moment; if it really is missing, the next statement says so.
            }
        }
    }

    /**
     * Records a migration, in the caller's transaction when there is one.
     * @param row the row
     */
    public void insert(AppliedMigration row) {
        this.jdbc.update(this.insertSql, row.version(), row.description(), row.type(), row.checksum(),
                this.dialect.timestamp(row.installedOn()), row.installedBy(), row.executionTime(), row.success());
    }

    public void delete(long version) {
        this.jdbc.update("DELETE FROM " + this.qualifiedName + " WHERE version = ?", version);
    }

    public void markFailed(long version) {
        this.jdbc.update("UPDATE " + this.qualifiedName + " SET success = ? WHERE version = ?", false, version);
    }

    /**
     * Removes the rows of failed migrations.
     * @return how many were removed
     */
    public int deleteFailed() {
        return this.jdbc.update("DELETE FROM " + this.qualifiedName + " WHERE success = ?", false);
    }

    private boolean exists() {
        Boolean exists = this.jdbc.execute((Connection connection) -> {
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
