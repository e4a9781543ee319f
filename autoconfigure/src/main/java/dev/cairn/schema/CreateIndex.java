package dev.cairn.schema;

import java.util.List;

/**
 * Creates an index on an existing table.
 *
 * @param index the index
 */
public record CreateIndex(Index index) implements Step {

    @Override
    public boolean additive() {
        return true;
    }

    @Override
    public List<Step> inverse() {
        return List.of(new DropIndex(this.index.table(), this.index.name()));
    }

    @Override
    public String table() {
        return this.index.table();
    }

    @Override
    public String toString() {
        return "createIndex(" + this.index.name() + " on " + this.index.table() + " ("
                + String.join(", ", this.index.columns()) + "))";
    }

}
