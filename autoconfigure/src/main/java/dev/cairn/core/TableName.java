package dev.cairn.core;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import dev.cairn.dialect.Dialect;
import org.jspecify.annotations.Nullable;

/**
 * A table of Cairn's and where it lives: in the configured schema (a database on MariaDB and MySQL), or in the
 * connection's current one. Names are validated identifiers, so they are used unquoted.
 *
 * @param schema the configured schema, or {@code null} for the connection's current one
 * @param table the table's name
 * @param dialect the database's dialect
 */
public record TableName(@Nullable String schema, String table, Dialect dialect) {

    /**
     * The name to use in SQL: qualified with the configured schema, if any.
     * @return the name
     */
    public String qualified() {
        return (this.schema != null) ? this.schema + "." + this.table : this.table;
    }

    /**
     * Another table in the same place, such as the history table's lock table.
     * @param table its name
     * @return the name
     */
    public TableName sibling(String table) {
        return new TableName(this.schema, table, this.dialect);
    }

    /**
     * Whether the table exists, asked of the metadata so that no failing statement is logged.
     * @param connection a connection
     * @return {@code true} when it exists
     * @throws SQLException when the metadata cannot be read
     */
    public boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(catalog(connection), schemaPattern(metaData),
                fold(metaData, this.table), null)) {
            return tables.next();
        }
    }

    /**
     * The table's columns, lower case, in their order, or an empty set when it does not exist.
     * @param connection a connection
     * @return the columns
     * @throws SQLException when the metadata cannot be read
     */
    public Set<String> columns(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        Set<String> columns = new LinkedHashSet<>();
        try (ResultSet rs = metaData.getColumns(catalog(connection), schemaPattern(metaData),
                fold(metaData, this.table), null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /**
     * The other tables and views in the same schema, lower case: what makes a database without a history table
     * non-empty.
     * @param connection a connection
     * @param ignored names, lower case, that do not count
     * @return the names
     * @throws SQLException when the metadata cannot be read
     */
    public Set<String> otherTables(Connection connection, Set<String> ignored) throws SQLException {
        return otherTables(connection, ignored, new String[] { "TABLE", "VIEW" });
    }

    /**
     * The names, lower case, of the other tables of the given types in the same place.
     * @param connection a connection
     * @param ignored names, lower case, that do not count
     * @param types the JDBC table types, such as {@code TABLE}
     * @return the names
     * @throws SQLException when the metadata cannot be read
     */
    public Set<String> otherTables(Connection connection, Set<String> ignored, String[] types) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        Set<String> tables = new LinkedHashSet<>();
        try (ResultSet rs = metaData.getTables(catalog(connection), schemaPattern(metaData), "%", types)) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!ignored.contains(name) && !name.startsWith("sqlite_")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    private @Nullable String catalog(Connection connection) throws SQLException {
        return (this.schema != null && this.dialect.schemaIsCatalog()) ? this.schema : connection.getCatalog();
    }

    private @Nullable String schemaPattern(DatabaseMetaData metaData) throws SQLException {
        if (this.schema != null) {
            return this.dialect.schemaIsCatalog() ? null : fold(metaData, this.schema);
        }
        // The connection's current schema; any schema where the driver cannot tell.
        try {
            return metaData.getConnection().getSchema();
        }
        catch (SQLException | AbstractMethodError ex) {
            return null;
        }
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
