package dev.cairn.core.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.cairn.schema.AddColumns;
import dev.cairn.schema.AddForeignKey;
import dev.cairn.schema.AlterColumn;
import dev.cairn.schema.Column;
import dev.cairn.schema.CreateIndex;
import dev.cairn.schema.CreateTable;
import dev.cairn.schema.DeclaredSchema;
import dev.cairn.schema.DropColumn;
import dev.cairn.schema.DropIndex;
import dev.cairn.schema.DropTable;
import dev.cairn.schema.Index;
import dev.cairn.schema.RenameColumn;
import dev.cairn.schema.RenameTable;
import dev.cairn.schema.Step;
import dev.cairn.schema.Table;
import org.jspecify.annotations.Nullable;

/**
 * A schema in memory: what the steps of the schema migrations build, folded in version order, or what a
 * {@link DeclaredSchema} declares. Each object remembers which migration last shaped it, for messages. An
 * {@code sql} step is opaque and left out.
 */
public final class SchemaModel {

    final Map<String, TableModel> tables = new LinkedHashMap<>();

    private final @Nullable DeclaredSchema declared;

    private @Nullable SchemaModel seed;

    private SchemaModel(@Nullable DeclaredSchema declared) {
        this.declared = declared;
    }

    /**
     * An empty schema for the steps of the schema migrations to build; a step on a table that none of them creates
     * (an SQL migration or an automatic one did) finds the table as the declaration has it.
     * @param declared the declared schema, or {@code null}
     * @return the schema
     */
    public static SchemaModel folding(@Nullable DeclaredSchema declared) {
        return new SchemaModel(declared);
    }

    /**
     * The schema a declaration describes.
     * @param declared the declaration
     * @return the schema
     */
    public static SchemaModel of(DeclaredSchema declared) {
        SchemaModel model = new SchemaModel(null);
        for (Table table : declared.tables()) {
            model.create(table, "the declared schema");
        }
        return model;
    }

    /**
     * Applies a migration's steps.
     * @param steps the steps
     * @param origin the migration, named in messages: {@code migration 4}
     */
    public void apply(List<Step> steps, Object origin) {
        for (Step step : steps) {
            apply(step, origin);
        }
    }

    private void apply(Step step, Object origin) {
        if (step instanceof CreateTable create) {
            create(create.definition(), origin);
        }
        else if (step instanceof AddColumns add) {
            TableModel table = table(add.table(), step, origin);
            for (Column column : add.columns()) {
                table.add(column, origin);
            }
        }
        else if (step instanceof CreateIndex create) {
            table(create.table(), step, origin).indexes.put(key(create.index().name()), new Shaped<>(create.index(), origin));
        }
        else if (step instanceof DropIndex drop) {
            table(drop.table(), step, origin).indexes.remove(key(drop.name()));
        }
        else if (step instanceof RenameColumn rename) {
            TableModel table = table(rename.table(), step, origin);
            Shaped<Column> column = table.column(rename.from(), step, origin);
            table.columns.remove(key(rename.from()));
            table.put(column.value().withName(rename.to()), origin);
            table.indexes.replaceAll((name, index) -> new Shaped<>(new Index(index.value().name(), table.name,
                    index.value().columns().stream()
                        .map((each) -> each.equalsIgnoreCase(rename.from()) ? rename.to() : each)
                        .toList(),
                    index.value().unique()), index.origin()));
        }
        else if (step instanceof RenameTable rename) {
            TableModel table = table(rename.from(), step, origin);
            this.tables.remove(key(rename.from()));
            this.tables.put(key(rename.to()), table.renamed(rename.to(), origin));
        }
        else if (step instanceof AlterColumn alter) {
            TableModel table = table(alter.table(), step, origin);
            Column column = table.column(alter.column(), step, origin).value();
            column = (alter.type() != null) ? column.type(alter.type()) : column;
            column = (alter.nullability() == null) ? column : alter.nullability() ? column.nullable() : column.notNull();
            column = (alter.defaultSql() != null) ? column.defaultSql(alter.defaultSql())
                    : alter.defaultDropped() ? column.withoutDefault() : column;
            table.put(column, origin);
        }
        else if (step instanceof AddForeignKey add && add.foreignKey().columns().size() == 1) {
            TableModel table = table(add.table(), step, origin);
            Column column = table.column(add.foreignKey().columns().get(0), step, origin).value();
            table.put(column.references(add.foreignKey().referencedTable(),
                    add.foreignKey().referencedColumns().get(0), add.foreignKey().onDelete()), origin);
        }
        else if (step instanceof DropColumn drop) {
            TableModel table = table(drop.table(), step, origin);
            table.column(drop.column(), step, origin);
            table.columns.remove(key(drop.column()));
            table.indexes.values().removeIf((index) -> index.value().columns().stream()
                .anyMatch((name) -> name.equalsIgnoreCase(drop.column())));
        }
        else if (step instanceof DropTable drop) {
            table(drop.table(), step, origin);
            this.tables.remove(key(drop.table()));
        }
    }

    private void create(Table definition, Object origin) {
        TableModel table = new TableModel(definition.name(), origin);
        for (Column column : definition.columns()) {
            table.put(column, origin);
        }
        for (Index index : definition.allIndexes()) {
            table.indexes.put(key(index.name()), new Shaped<>(index, origin));
        }
        this.tables.put(key(definition.name()), table);
    }

    private TableModel table(String name, Step step, Object origin) {
        TableModel table = this.tables.get(key(name));
        if (table == null && this.declared != null) {
            if (this.seed == null) {
                this.seed = of(this.declared);
            }
            TableModel declaredTable = this.seed.tables.get(key(name));
            if (declaredTable != null) {
                table = declaredTable.renamed(declaredTable.name, "the declared schema");
                this.tables.put(key(name), table);
            }
        }
        if (table == null) {
            throw new IllegalArgumentException(origin + ": " + step + " changes table " + name
                    + ", which no schema migration before it creates");
        }
        return table;
    }

    /**
     * Whether this schema is exactly what a declaration describes, so that {@link SchemaComparison} would find no
     * difference: the same tables, columns and indexes by name whatever its case, each column of the same shape and
     * each index the same. It is checked against the declaration itself, without a model of it: nearly every start
     * gets here, mostly before the JIT has compiled anything, and only a start that finds a difference needs the
     * comparison that names it.
     * @param declared the declaration
     * @return whether they are the same
     */
    public boolean matches(DeclaredSchema declared) {
        if (declared.tables().size() != this.tables.size()) {
            return false;
        }
        for (Table table : declared.tables()) {
            TableModel built = this.tables.get(key(table.name()));
            if (built == null || built.columns.size() != table.columns().size()) {
                return false;
            }
            for (Column column : table.columns()) {
                Shaped<Column> existing = built.columns.get(key(column.name()));
                if (existing == null || !SchemaComparison.sameShape(existing.value(), column)) {
                    return false;
                }
            }
            if (!sameIndexes(built, table.allIndexes())) {
                return false;
            }
        }
        return true;
    }

    // Both ways, as a declaration may name one index twice: a table has a few indexes at most.
    private static boolean sameIndexes(TableModel built, List<Index> declared) {
        for (Index index : declared) {
            Shaped<Index> existing = built.indexes.get(key(index.name()));
            if (existing == null || !existing.value().equals(index)) {
                return false;
            }
        }
        for (Shaped<Index> index : built.indexes.values()) {
            boolean found = false;
            for (Index each : declared) {
                found |= key(each.name()).equals(key(index.value().name()));
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * A value and the migration that last shaped it.
     * @param value the value
     * @param origin the migration
     * @param <T> the kind of value
     */
    record Shaped<T>(T value, Object origin) {

    }

    /**
     * A table: its columns and indexes.
     */
    static final class TableModel {

        final String name;

        final Object origin;

        final Map<String, Shaped<Column>> columns = new LinkedHashMap<>();

        final Map<String, Shaped<Index>> indexes = new LinkedHashMap<>();

        TableModel(String name, Object origin) {
            this.name = name;
            this.origin = origin;
        }

        void put(Column column, Object origin) {
            this.columns.put(key(column.name()), new Shaped<>(column, origin));
        }

        void add(Column column, Object origin) {
            put(column, origin);
            if (column.isIndexed()) {
                Index index = new Index(Index.defaultName(this.name, List.of(column.name())), this.name,
                        List.of(column.name()), false);
                this.indexes.put(key(index.name()), new Shaped<>(index, origin));
            }
        }

        Shaped<Column> column(String name, Step step, Object origin) {
            Shaped<Column> column = this.columns.get(key(name));
            if (column == null) {
                throw new IllegalArgumentException(origin + ": " + step + " changes column " + this.name + "." + name
                        + ", which no schema migration before it adds");
            }
            return column;
        }

        TableModel renamed(String name, Object origin) {
            TableModel renamed = new TableModel(name, origin);
            renamed.columns.putAll(this.columns);
            for (Shaped<Index> index : this.indexes.values()) {
                Index value = index.value();
                renamed.indexes.put(key(value.name()), new Shaped<>(new Index(value.name(), name, value.columns(),
                        value.unique()), index.origin()));
            }
            return renamed;
        }

        @Nullable Shaped<Column> find(String name) {
            return this.columns.get(key(name));
        }

        List<Column> columnValues() {
            List<Column> values = new ArrayList<>();
            this.columns.values().forEach((column) -> values.add(column.value()));
            return values;
        }

    }

}
