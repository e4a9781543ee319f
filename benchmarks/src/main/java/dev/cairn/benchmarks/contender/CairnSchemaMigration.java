package dev.cairn.benchmarks.contender;

import java.util.List;

import dev.cairn.schema.Column;
import dev.cairn.schema.SchemaMigration;
import dev.cairn.schema.Step;

import static dev.cairn.schema.Steps.addColumns;
import static dev.cairn.schema.Steps.column;
import static dev.cairn.schema.Steps.createIndex;
import static dev.cairn.schema.Steps.createTable;

/**
 * Migration {@code version} of the {@link SchemaMix} as a Cairn user writes a schema migration: its steps built
 * when asked for.
 */
public final class CairnSchemaMigration implements SchemaMigration {

    private final int version;

    public CairnSchemaMigration(int version) {
        this.version = version;
    }

    @Override
    public long version() {
        return this.version;
    }

    @Override
    public String description() {
        return SchemaMix.description(this.version);
    }

    @Override
    public List<Step> steps() {
        String table = SchemaMix.table(this.version);
        return switch (SchemaMix.kind(this.version)) {
            case CREATE_TABLE -> List.of(createTable(table, columns(this.version)));
            case ADD_COLUMN -> List.of(addColumns(table, added(this.version)));
            case CREATE_INDEX -> List.of(createIndex(table, "name"));
        };
    }

    /**
     * The columns table {@code t_version} is created with.
     * @param version a version that creates a table
     * @return the columns
     */
    static Column[] columns(int version) {
        Column id = column("id").bigint().primaryKey();
        Column name = column("name").varchar(100).notNull();
        Column amount = column("amount").integer().defaultValue(0);
        Column createdAt = column("created_at").timestamp();
        if (!SchemaMix.hasParent(version)) {
            return new Column[] { id, name, amount, createdAt };
        }
        return new Column[] { id, name, amount, createdAt,
            column("parent_id").bigint().references("t_" + (version - 1), "id").indexed() };
    }

    /**
     * The column migration {@code version} adds.
     * @param version a version that adds a column
     * @return the column
     */
    static Column added(int version) {
        return column(SchemaMix.addedColumn(version)).text();
    }

}
