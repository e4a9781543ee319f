package dev.cairn.core.steps;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.cairn.schema.AddColumns;
import dev.cairn.schema.Column;
import dev.cairn.schema.CreateIndex;
import dev.cairn.schema.CreateTable;
import dev.cairn.schema.DeclaredSchema;
import dev.cairn.schema.Index;
import dev.cairn.schema.Step;
import dev.cairn.schema.Table;

/**
 * What a declared schema has and the database lacks, as the steps that add it: the automatic migration of a
 * declared schema whose version is above the last migration's. Only additions are made; a missing column that
 * cannot be added to a table in use is refused by name.
 */
public final class MissingObjects {

    private MissingObjects() {
    }

    /**
     * The steps that add what the database lacks.
     * @param declared the declared schema
     * @param connection the migration's connection
     * @return the steps, tables first, then columns, then indexes
     * @throws SQLException when the database's metadata cannot be read
     * @throws IllegalStateException naming a missing column that cannot be added
     */
    public static List<Step> steps(DeclaredSchema declared, Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<Step> tables = new ArrayList<>();
        List<Step> columns = new ArrayList<>();
        List<Step> indexes = new ArrayList<>();
        for (Table table : declared.tables()) {
            String name = stored(meta, connection, table.name());
            if (name == null) {
                tables.add(new CreateTable(table));
                continue;
            }
            Set<String> existing = names(meta.getColumns(connection.getCatalog(), connection.getSchema(), name, null),
                    "COLUMN_NAME");
            List<Column> added = new ArrayList<>();
            for (Column column : table.columns()) {
                if (existing.contains(column.name().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (!column.addable()) {
                    throw new IllegalStateException("The declared schema has column " + table.name() + "."
                            + column.name() + ", which the database lacks and which cannot be added to a table in use"
                            + " (it refuses nulls without a default, or is a key): add it in a migration of its own");
                }
                added.add(column);
            }
            Set<String> existingIndexes = names(meta.getIndexInfo(connection.getCatalog(), connection.getSchema(),
                    name, false, false), "INDEX_NAME");
            Set<String> implied = new HashSet<>();
            if (!added.isEmpty()) {
                columns.add(new AddColumns(table.name(), added));
                added.stream().filter(Column::isIndexed).forEach((column) -> implied.add(
                        Index.defaultName(table.name(), List.of(column.name())).toLowerCase(Locale.ROOT)));
            }
            for (Index index : table.allIndexes()) {
                String key = index.name().toLowerCase(Locale.ROOT);
                if (!existingIndexes.contains(key) && !implied.contains(key)) {
                    indexes.add(new CreateIndex(index));
                }
            }
        }
        List<Step> steps = new ArrayList<>(tables);
        steps.addAll(columns);
        steps.addAll(indexes);
        return steps;
    }

    /** The table's name as the database stores it (H2 in upper case), or {@code null} when it has none. */
    private static String stored(DatabaseMetaData meta, Connection connection, String table) throws SQLException {
        for (String name : new String[] { table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT) }) {
            try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
                if (rs.next()) {
                    return name;
                }
            }
        }
        return null;
    }

    private static Set<String> names(ResultSet rs, String column) throws SQLException {
        Set<String> names = new HashSet<>();
        try (rs) {
            while (rs.next()) {
                String name = rs.getString(column);
                if (name != null) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

}
