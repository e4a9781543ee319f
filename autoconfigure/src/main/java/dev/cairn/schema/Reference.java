package dev.cairn.schema;

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

}
