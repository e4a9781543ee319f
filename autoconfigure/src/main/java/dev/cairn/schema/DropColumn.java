package dev.cairn.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Drops a column and its data. Irreversible.
 *
 * @param table the table
 * @param column the column
 */
public record DropColumn(String table, String column) implements Step {

    /**
     * Checks the names.
     * @param table the table
     * @param column the column
     */
    public DropColumn {
        Identifiers.check(table, "table");
        Identifiers.check(column, "column");
    }

    @Override
    public boolean additive() {
        return false;
    }

    @Override
    public @Nullable List<Step> inverse() {
        return null;
    }

    @Override
    public String advice() {
        return "applications that still read or write " + this.table + "." + this.column + " fail: stop using it in"
                + " every instance first, then drop it in a later release with a migration marked breaking";
    }

    @Override
    public String toString() {
        return "dropColumn(" + this.table + "." + this.column + ")";
    }

}
