package dev.cairn.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A table as {@link Steps#createTable} creates it and a {@link DeclaredSchema} declares it: its columns and its
 * indexes on several columns (an index on one column is {@link Column#indexed()}).
 *
 * @param name the table's name
 * @param columns the columns, in order
 * @param indexes the indexes declared apart from the columns
 */
public record Table(String name, List<Column> columns, List<Index> indexes) {

    /**
     * Checks the table: a name, at least one column, each with a type, no column twice.
     * @param name the table's name
     * @param columns the columns
     * @param indexes the indexes
     */
    public Table {
        Identifiers.check(name, "table");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Table " + name + " needs at least one column");
        }
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            column.type();
            if (!names.add(column.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("Table " + name + " has column " + column.name() + " twice");
            }
        }
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
    }

    /**
     * This table with an index on several columns, named {@code <table>_<columns>_idx}.
     * @param columns the columns
     * @return the table
     */
    public Table index(String... columns) {
        return withIndex(new Index(Index.defaultName(this.name, List.of(columns)), this.name, List.of(columns), false));
    }

    /**
     * This table with a unique index on several columns, named {@code <table>_<columns>_idx}.
     * @param columns the columns
     * @return the table
     */
    public Table uniqueIndex(String... columns) {
        return withIndex(new Index(Index.defaultName(this.name, List.of(columns)), this.name, List.of(columns), true));
    }

    /**
     * This table with an index of a name of its own, as a migration written in SQL may have created it.
     * @param name the index's name
     * @param unique whether the index is unique
     * @param columns the columns
     * @return the table
     */
    public Table index(String name, boolean unique, String... columns) {
        return withIndex(new Index(name, this.name, List.of(columns), unique));
    }

    private Table withIndex(Index index) {
        List<Index> indexes = new ArrayList<>(this.indexes);
        indexes.add(index);
        return new Table(this.name, this.columns, indexes);
    }

    /**
     * The column of that name, ignoring case.
     * @param name the name
     * @return the column, or {@code null}
     */
    public @Nullable Column column(String name) {
        for (Column column : this.columns) {
            if (column.name().equalsIgnoreCase(name)) {
                return column;
            }
        }
        return null;
    }

    /**
     * Every index the table has apart from its primary key and unique columns: those of
     * {@link Column#indexed() indexed} columns, then the declared ones.
     * @return the indexes
     */
    public List<Index> allIndexes() {
        List<Index> all = new ArrayList<>();
        for (Column column : this.columns) {
            if (column.isIndexed()) {
                all.add(new Index(Index.defaultName(this.name, List.of(column.name())), this.name,
                        List.of(column.name()), false));
            }
        }
        all.addAll(this.indexes);
        return all;
    }

}
