package dev.cairn.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Adds a foreign key to an existing table. On SQLite, which cannot add a constraint, it runs as a table rebuild.
 *
 * @param table the referencing table
 * @param foreignKey the foreign key
 */
public record AddForeignKey(String table, ForeignKey foreignKey) implements Step {

    /**
     * Checks the table's name.
     * @param table the table
     * @param foreignKey the foreign key
     */
    public AddForeignKey {
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
        return "a new constraint refuses writes that applications which do not know it still make: enforce it in the"
                + " application first, then add it once every instance does";
    }

    @Override
    public String toString() {
        return "addForeignKey(" + this.table + " " + this.foreignKey + ")";
    }

}
