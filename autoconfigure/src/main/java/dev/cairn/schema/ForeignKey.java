package dev.cairn.schema;

import java.util.List;

/**
 * A foreign key added to an existing table by {@link Steps#addForeignKey}.
 *
 * @param name the constraint's name
 * @param columns the referencing columns
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns, one for each referencing column
 * @param onDelete what happens to referencing rows when the referenced row is deleted
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
        OnDelete onDelete) {

    /**
     * Checks the names and copies the columns.
     * @param name the constraint's name
     * @param columns the referencing columns
     * @param referencedTable the referenced table
     * @param referencedColumns the referenced columns
     * @param onDelete the action on delete
     */
    public ForeignKey {
        Identifiers.check(name, "foreign key");
        Identifiers.check(referencedTable, "table");
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("Foreign key " + name + " needs as many referenced columns as"
                    + " columns, and at least one");
        }
        columns.forEach((column) -> Identifiers.check(column, "column"));
        referencedColumns.forEach((column) -> Identifiers.check(column, "column"));
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    @Override
    public String toString() {
        return "foreign key " + this.name + " (" + String.join(", ", this.columns) + ") references "
                + this.referencedTable + " (" + String.join(", ", this.referencedColumns) + ")"
                + ((this.onDelete != OnDelete.NO_ACTION) ? " on delete " + this.onDelete.sql() : "");
    }

}
