package dev.cairn.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Drops an index. Irreversible: the step does not know the index's definition.
 *
 * @param table the index's table
 * @param name the index's name
 */
public record DropIndex(String table, String name) implements Step {

    /**
     * Checks the names.
     * @param table the table
     * @param name the index
     */
    public DropIndex {
        Identifiers.check(table, "table");
        Identifiers.check(name, "index");
    }

    @Override
    public boolean additive() {
        return true;
    }

    @Override
    public @Nullable List<Step> inverse() {
        return null;
    }

    @Override
    public String toString() {
        return "dropIndex(" + this.name + " on " + this.table + ")";
    }

}
