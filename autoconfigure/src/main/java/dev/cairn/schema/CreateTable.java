package dev.cairn.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Creates a table with its columns, constraints and indexes.
 *
 * @param definition the table
 */
public record CreateTable(Table definition) implements Step {

    @Override
    public boolean additive() {
        return true;
    }

    @Override
    public List<Step> inverse() {
        return List.of(new DropTable(this.definition.name()));
    }

    @Override
    public String table() {
        return this.definition.name();
    }

    @Override
    public String toString() {
        return "createTable(" + this.definition.name() + ")";
    }

}
