package dev.cairn.schema;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The table and column that a column's values refer to, and what happens when the referenced row is deleted.
 *
 * @param table the referenced table
 * @param column the referenced column
 * @param onDelete what happens to referencing rows when the referenced row is deleted
 */
public record Reference(String table, String column, OnDelete onDelete) {

    @Override
    public String toString() {
        return this.table + "." + this.column + ((this.onDelete != OnDelete.NO_ACTION)
                ? " on delete " + this.onDelete.sql().toLowerCase(java.util.Locale.ROOT) : "");
    }

    // Written out rather than left to the record: the generated one is linked through invokedynamic on its first
    // call, which costs a fresh JVM tens of milliseconds, and every start with a declared schema compares columns.
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Reference reference && Objects.equals(this.table, reference.table)
                && Objects.equals(this.column, reference.column) && this.onDelete == reference.onDelete;
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.table, this.column, this.onDelete);
    }
}
