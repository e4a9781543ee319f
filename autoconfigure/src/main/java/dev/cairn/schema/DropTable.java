package dev.cairn.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Drops a table and its data. Irreversible.
 *
 * @param table the table
 */
public record DropTable(String table) implements Step {

    /**
     * Checks the name.
     * @param table the table
     */
    public DropTable {
        Identifiers.check(table, "table");
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
        return "applications that still use " + this.table + " fail: stop using it in every instance first, then"
                + " drop it in a later release with a migration marked breaking";
    }

    @Override
    public String toString() {
        return "dropTable(" + this.table + ")";
    }

}
