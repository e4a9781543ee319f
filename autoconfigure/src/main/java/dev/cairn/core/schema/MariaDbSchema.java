package dev.cairn.core.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.cairn.core.schema.LiveSchema.Grouped;

/**
 * A MariaDB or MySQL database (what they call a schema) in four queries of {@code information_schema}.
 */
final class MariaDbSchema {

    private MariaDbSchema() {
    }

    static void read(Connection connection, String schema, Predicate<String> included, SchemaSnapshot.Builder snapshot)
            throws SQLException {
        List<String> parameters = List.of(schema);
        Set<String> tables = new HashSet<>();
        LiveSchema.query(connection, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_TYPE = 'BASE TABLE'", parameters, (rs) -> {
                    String table = Normalize.name(rs.getString(1));
                    if (included.test(table)) {
                        tables.add(table);
                        snapshot.table(table);
                    }
                });
        LiveSchema.query(connection, "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?", parameters, (rs) -> {
                    String table = Normalize.name(rs.getString(1));
                    if (tables.contains(table)) {
                        String defaultValue = rs.getString(5);
                        String extra = rs.getString(6);
                        if (defaultValue == null && extra != null && extra.contains("auto_increment")) {
                            defaultValue = "auto_increment";
                        }
                        snapshot.column(table, Normalize.name(rs.getString(2)), rs.getString(3),
                                "YES".equals(rs.getString(4)), defaultValue);
                    }
                });
        Grouped indexes = new Grouped();
        LiveSchema.query(connection, "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME"
                + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME,"
                + " SEQ_IN_INDEX", parameters, (rs) -> {
                    String table = Normalize.name(rs.getString(1));
                    if (tables.contains(table)) {
                        String column = rs.getString(4);
                        indexes.add(table, rs.getString(2), (column != null) ? Normalize.name(column)
                                : "<expression>").unique = !rs.getBoolean(3);
                    }
                });
        for (LiveSchema.Group index : indexes.groups()) {
            if (index.name.equals("PRIMARY")) {
                snapshot.primaryKey(index.table, index.columns);
            }
            else {
                snapshot.index(index.table, Normalize.name(index.name), index.columns, index.unique);
            }
        }
        Grouped foreignKeys = new Grouped();
        LiveSchema.query(connection, "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME,"
                + " k.REFERENCED_COLUMN_NAME, r.DELETE_RULE FROM information_schema.KEY_COLUMN_USAGE k"
                + " JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA"
                + " AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME"
                + " WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL"
                + " ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION", parameters, (rs) -> {
                    String table = Normalize.name(rs.getString(1));
                    if (tables.contains(table)) {
                        LiveSchema.Group key = foreignKeys.add(table, rs.getString(2), Normalize.name(rs.getString(3)));
                        key.referencedTable = Normalize.name(rs.getString(4));
                        key.referencedColumns.add(Normalize.name(rs.getString(5)));
                        key.onDelete = rs.getString(6);
                    }
                });
        foreignKeys.groups().forEach((key) -> key.addForeignKeyTo(snapshot));
    }

}
