package dev.cairn.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds columns to an existing table.
 *
 * @param table the table
 * @param columns the new columns
 */
public record AddColumns(String table, List<Column> columns) implements Step {

    /**
     * Checks the names and copies the columns.
     * @param table the table
     * @param columns the new columns
     */
    public AddColumns {
        Identifiers.check(table, "table");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("addColumns(" + table + ") needs at least one column");
        }
        for (Column column : columns) {
            column.type();
        }
        columns = List.copyOf(columns);
    }

    @Override
    public boolean additive() {
        for (Column column : this.columns) {
            if (!column.addable()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<Step> inverse() {
        List<Step> drops = new ArrayList<>();
        for (int i = this.columns.size() - 1; i >= 0; i--) {
            drops.add(new DropColumn(this.table, this.columns.get(i).name()));
        }
        return drops;
    }

    @Override
    public String advice() {
        return additive() ? null : "a column that refuses nulls without a default, or is a key, breaks the inserts"
                + " of applications that do not know it: add it nullable or with a default";
    }

    @Override
    public String toString() {
        return "addColumns(" + this.table + ": " + String.join(", ", this.columns.stream().map(Column::name).toList())
                + ")";
    }

}
