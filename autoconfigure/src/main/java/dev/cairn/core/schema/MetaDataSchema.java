package dev.cairn.core.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.cairn.core.schema.LiveSchema.Grouped;
import org.jspecify.annotations.Nullable;

/**
 * A schema read through {@link DatabaseMetaData}, for databases without a catalog query of their own, such as H2:
 * the columns of every table at once, then the keys and indexes of each table.
 */
final class MetaDataSchema {

    private MetaDataSchema() {
    }

    static void read(Connection connection, @Nullable String schema, Predicate<String> included,
            SchemaSnapshot.Builder snapshot) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schemaPattern = (schema != null) ? fold(metaData, schema) : connection.getSchema();
        Map<String, String> tables = new LinkedHashMap<>();
        try (ResultSet rs = metaData.getTables(catalog, schemaPattern, "%", new String[] { "TABLE", "BASE TABLE" })) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (included.test(Normalize.name(table))) {
                    tables.put(table, Normalize.name(table));
                    snapshot.table(Normalize.name(table));
                }
            }
        }
        try (ResultSet rs = metaData.getColumns(catalog, schemaPattern, "%", "%")) {
            while (rs.next()) {
                String table = tables.get(rs.getString("TABLE_NAME"));
                if (table != null) {
                    String defaultValue = rs.getString("COLUMN_DEF");
                    if (defaultValue == null && "YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                        defaultValue = "auto_increment";
                    }
                    snapshot.column(table, Normalize.name(rs.getString("COLUMN_NAME")), type(rs),
                            rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, defaultValue);
                }
            }
        }
        for (Map.Entry<String, String> table : tables.entrySet()) {
            readKeys(metaData, catalog, schemaPattern, table.getKey(), table.getValue(), snapshot);
        }
    }

    private static void readKeys(DatabaseMetaData metaData, @Nullable String catalog, @Nullable String schema,
            String table, String name, SchemaSnapshot.Builder snapshot) throws SQLException {
        Map<Short, String> primaryKey = new TreeMap<>();
        String primaryKeyName = null;
        try (ResultSet rs = metaData.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                primaryKey.put(rs.getShort("KEY_SEQ"), Normalize.name(rs.getString("COLUMN_NAME")));
                primaryKeyName = rs.getString("PK_NAME");
            }
        }
        if (!primaryKey.isEmpty()) {
            snapshot.primaryKey(name, new ArrayList<>(primaryKey.values()));
        }
        Grouped indexes = new Grouped();
        try (ResultSet rs = metaData.getIndexInfo(catalog, schema, table, false, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index != null && !isPrimaryKey(index, primaryKeyName)) {
                    indexes.add(name, Normalize.name(index), (column != null) ? Normalize.name(column)
                            : "<expression>").unique = !rs.getBoolean("NON_UNIQUE");
                }
            }
        }
        for (LiveSchema.Group index : indexes.groups()) {
            if (!index.unique && FOREIGN_KEY_INDEX.matcher(index.name).matches()) {
                // H2's own index behind a foreign key, which the foreign key stands for; H2 drops it again when
                // another index covers the columns.
                continue;
            }
            // H2 numbers the indexes behind constraints, and numbers them again when a table changes.
            String indexName = index.name.startsWith("constraint_") ? "(" + String.join(", ", index.columns) + ")"
                    : index.name;
            snapshot.index(name, indexName, index.columns, index.unique);
        }
        Grouped foreignKeys = new Grouped();
        try (ResultSet rs = metaData.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                LiveSchema.Group key = foreignKeys.add(name, String.valueOf(rs.getString("FK_NAME")),
                        Normalize.name(rs.getString("FKCOLUMN_NAME")));
                key.referencedTable = Normalize.name(rs.getString("PKTABLE_NAME"));
                key.referencedColumns.add(Normalize.name(rs.getString("PKCOLUMN_NAME")));
                key.onDelete = deleteRule(rs.getShort("DELETE_RULE"));
            }
        }
        foreignKeys.groups().forEach((key) -> key.addForeignKeyTo(snapshot));
    }

    private static final java.util.regex.Pattern FOREIGN_KEY_INDEX = java.util.regex.Pattern
        .compile(".+_index_[0-9a-f]+");

    /**
     * Whether an index is the one behind the primary key, which H2 names {@code PRIMARY_KEY_} and a number.
     */
    private static boolean isPrimaryKey(String index, @Nullable String primaryKeyName) {
        return index.equals(primaryKeyName) || index.toUpperCase(Locale.ROOT).startsWith("PRIMARY_KEY");
    }

    /**
     * The type with its length where it has one that matters: {@code CHARACTER VARYING(20)}, {@code NUMERIC(10,2)}.
     */
    private static String type(ResultSet rs) throws SQLException {
        String type = rs.getString("TYPE_NAME");
        int size = rs.getInt("COLUMN_SIZE");
        String upper = type.toUpperCase(Locale.ROOT);
        if (size > 0 && upper.contains("CHAR") && !upper.contains("(")) {
            return type + "(" + size + ")";
        }
        if (size > 0 && (upper.equals("DECIMAL") || upper.equals("NUMERIC"))) {
            return type + "(" + size + "," + rs.getInt("DECIMAL_DIGITS") + ")";
        }
        return type;
    }

    private static String deleteRule(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
            default -> "NO ACTION";
        };
    }

    private static String fold(DatabaseMetaData metaData, String identifier) throws SQLException {
        if (metaData.storesUpperCaseIdentifiers()) {
            return identifier.toUpperCase(Locale.ROOT);
        }
        return metaData.storesLowerCaseIdentifiers() ? identifier.toLowerCase(Locale.ROOT) : identifier;
    }

}
