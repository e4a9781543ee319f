package dev.cairn.schema;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An index of a table, on one or more columns.
 *
 * @param name the index's name, unique in the schema
 * @param table the table
 * @param columns the columns, in order
 * @param unique whether the index refuses duplicate values
 */
public record Index(String name, String table, List<String> columns, boolean unique) {

    /**
     * Checks the names and copies the columns.
     * @param name the index's name
     * @param table the table
     * @param columns the columns
     * @param unique whether the index is unique
     */
    public Index {
        Identifiers.check(name, "index");
        Identifiers.check(table, "table");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Index " + name + " needs at least one column");
        }
        for (String column : columns) {
            Identifiers.check(column, "column");
        }
        columns = List.copyOf(columns);
    }

    /**
     * The name Cairn gives an index that is not named: {@code <table>_<column>_..._idx}.
     * @param table the table
     * @param columns the columns
     * @return the name
     */
    public static String defaultName(String table, List<String> columns) {
        // Appended rather than joined: a start with a declared schema names every indexed column's index twice,
        // mostly before the JIT has compiled anything.
        StringBuilder builder = new StringBuilder(table.length() + 16 * columns.size() + 4).append(table);
        for (int i = 0; i < columns.size(); i++) {
            builder.append('_').append(columns.get(i));
        }
        String name = builder.append("_idx").toString();
        return (name.length() <= 63) ? name : name.substring(0, 54) + "_" + Integer.toHexString(name.hashCode());
    }

    @Override
    public String toString() {
        return (this.unique ? "unique index " : "index ") + this.name + " on " + this.table + " ("
                + String.join(", ", this.columns) + ")";
    }

    // Written out rather than left to the record: the generated one is linked through invokedynamic on its first
    // call, which costs a fresh JVM tens of milliseconds, and every start with a declared schema compares indexes.
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Index index && Objects.equals(this.name, index.name)
                && Objects.equals(this.table, index.table) && Objects.equals(this.columns, index.columns)
                && this.unique == index.unique;
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.name, this.table, this.columns, this.unique);
    }
}
