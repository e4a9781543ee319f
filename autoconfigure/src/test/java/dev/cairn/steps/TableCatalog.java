package dev.cairn.steps;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * What JDBC's metadata says of a table's columns and indexes, with names in lower case, whatever case the database
 * keeps them in.
 */
final class TableCatalog {

    private TableCatalog() {
    }

    /**
     * The columns of a table.
     * @param dataSource the database
     * @param table the table
     * @return for each column, its type name and "null" or "not null"
     */
    static Map<String, String> columns(DataSource dataSource, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String name : new String[] { table, table.toUpperCase(Locale.ROOT) }) {
                try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), name, null)) {
                    while (rs.next()) {
                        columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                                rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT)
                                        + ((rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls) ? " not null" : ""));
                    }
                }
                if (!columns.isEmpty()) {
                    break;
                }
            }
        }
        return columns;
    }

    /**
     * The indexes of a table, but those of its primary key.
     * @param dataSource the database
     * @param table the table
     * @return for each index, its columns in order, with "unique " before them for a unique index
     */
    static Map<String, String> indexes(DataSource dataSource, String table) throws SQLException {
        Map<String, String> indexes = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String name : new String[] { table, table.toUpperCase(Locale.ROOT) }) {
                try (ResultSet rs = meta.getIndexInfo(connection.getCatalog(), connection.getSchema(), name, false,
                        false)) {
                    while (rs.next()) {
                        String index = rs.getString("INDEX_NAME");
                        String column = rs.getString("COLUMN_NAME");
                        if (index == null || column == null || index.toLowerCase(Locale.ROOT).contains("primary")
                                || index.toLowerCase(Locale.ROOT).endsWith("_pkey")
                                || index.toLowerCase(Locale.ROOT).startsWith("sqlite_autoindex")) {
                            continue;
                        }
                        String prefix = rs.getBoolean("NON_UNIQUE") ? "" : "unique ";
                        indexes.merge(index.toLowerCase(Locale.ROOT), prefix + column.toLowerCase(Locale.ROOT),
                                (a, b) -> a + "," + b.replace("unique ", ""));
                    }
                }
                if (!indexes.isEmpty()) {
                    break;
                }
            }
        }
        return indexes;
    }

}
