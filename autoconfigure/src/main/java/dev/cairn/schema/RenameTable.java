package dev.cairn.schema;

import java.util.List;

/**
 * Renames a table.
 *
 * @param from the table's name
 * @param to its new name
 */
public record RenameTable(String from, String to) implements Step {

    /**
     * Checks the names.
     * @param from the table's name
     * @param to its new name
     */
    public RenameTable {
        Identifiers.check(from, "table");
        Identifiers.check(to, "table");
    }

    @Override
    public boolean additive() {
        return false;
    }

    @Override
    public List<Step> inverse() {
        return List.of(new RenameTable(this.to, this.from));
    }

    @Override
    public String table() {
        return this.from;
    }

    @Override
    public String advice() {
        return "applications that still use " + this.from + " fail: create " + this.to + " as a new table, write"
                + " both, and stop using " + this.from + " before dropping it";
    }

    @Override
    public String toString() {
        return "renameTable(" + this.from + " to " + this.to + ")";
    }

}
