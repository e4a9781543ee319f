package dev.cairn.core.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.cairn.core.schema.LiveSchema.Grouped;

/**
 * An SQLite schema in four queries, each joining {@code sqlite_master} with a {@code pragma_*} table-valued
 * function, rather than four pragmas per table.
 */
final class SqliteSchema {

    private SqliteSchema() {
    }

    static void read(Connection connection, String schema, Predicate<String> included, SchemaSnapshot.Builder snapshot)
            throws SQLException {
        String tables = " FROM \"" + schema.replace("\"", "\"\"") + "\".sqlite_master m JOIN pragma_";
        String where = " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
        String literal = "'" + schema.replace("'", "''") + "'";
        String inSchema = "m.name, " + literal + ")";
        Map<String, List<String>> primaryKeys = new LinkedHashMap<>();
        LiveSchema.query(connection, "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk" + tables
                + "table_info(" + inSchema + " p" + where + " ORDER BY m.name, p.pk", List.of(), (rs) -> {
                    String table = Normalize.name(rs.getString(1));
                    if (included.test(table)) {
                        snapshot.table(table);
                        String column = Normalize.name(rs.getString(2));
                        snapshot.column(table, column, rs.getString(3), !rs.getBoolean(4), rs.getString(5));
                        if (rs.getInt(6) > 0) {
                            primaryKeys.computeIfAbsent(table, (key) -> new ArrayList<>()).add(column);
                        }
                    }
                });
        primaryKeys.forEach(snapshot::primaryKey);
        Grouped indexes = new Grouped();
        LiveSchema.query(connection, "SELECT m.name, il.name, il.\"unique\", ii.name" + tables
                + "index_list(" + inSchema + " il JOIN pragma_index_info(il.name, " + literal + ") ii" + where
                + " AND il.origin <> 'pk' ORDER BY m.name, il.name, ii.seqno", List.of(), (rs) -> {
                    String table = Normalize.name(rs.getString(1));
                    if (included.test(table)) {
                        String column = rs.getString(4);
                        indexes.add(table, Normalize.name(rs.getString(2)),
                                (column != null) ? Normalize.name(column) : "<expression>").unique = rs.getBoolean(3);
                    }
                });
        indexes.groups().forEach((index) -> index.addIndexTo(snapshot));
        Grouped foreignKeys = new Grouped();
        LiveSchema.query(connection, "SELECT m.name, f.id, f.\"from\", f.\"table\", f.\"to\", f.on_delete" + tables
                + "foreign_key_list(" + inSchema + " f" + where + " ORDER BY m.name, f.id, f.seq", List.of(), (rs) -> {
                    String table = Normalize.name(rs.getString(1));
                    if (included.test(table)) {
                        LiveSchema.Group key = foreignKeys.add(table, rs.getString(2), Normalize.name(rs.getString(3)));
                        key.referencedTable = Normalize.name(rs.getString(4));
                        String to = rs.getString(5);
                        key.referencedColumns.add((to != null) ? Normalize.name(to) : "<primary key>");
                        key.onDelete = rs.getString(6);
                    }
                });
        foreignKeys.groups().forEach((key) -> key.addForeignKeyTo(snapshot));
    }

}
