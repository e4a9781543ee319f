package dev.cairn.schema;

import java.util.List;

/**
 * Renames a column.
 *
 * @param table the table
 * @param from the column's name
 * @param to its new name
 */
public record RenameColumn(String table, String from, String to) implements Step {

    /**
     * Checks the names.
     * @param table the table
     * @param from the column's name
     * @param to its new name
     */
    public RenameColumn {
        Identifiers.check(table, "table");
        Identifiers.check(from, "column");
        Identifiers.check(to, "column");
    }

    @Override
    public boolean additive() {
        return false;
    }

    @Override
    public List<Step> inverse() {
        return List.of(new RenameColumn(this.table, this.to, this.from));
    }

    @Override
    public String advice() {
        return "applications that still use " + this.table + "." + this.from + " fail: add " + this.to
                + " as a new column, write both, and stop using " + this.from + " before dropping it";
    }

    @Override
    public String toString() {
        return "renameColumn(" + this.table + "." + this.from + " to " + this.to + ")";
    }

}
