package dev.cairn.core.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cairn.core.steps.SchemaModel.Shaped;
import dev.cairn.core.steps.SchemaModel.TableModel;
import dev.cairn.schema.AddColumns;
import dev.cairn.schema.Column;
import dev.cairn.schema.CreateIndex;
import dev.cairn.schema.CreateTable;
import dev.cairn.schema.Index;
import dev.cairn.schema.Step;
import dev.cairn.schema.Table;
import org.jspecify.annotations.Nullable;

/**
 * The differences between what the schema migrations build and what the application declares, each named, and
 * for those that only add, the step that adds it.
 */
public final class SchemaComparison {

    private final List<Difference> differences = new ArrayList<>();

    private SchemaComparison() {
    }

    /**
     * Compares the migrations' schema with the declared one.
     * @param migrated what the migrations build
     * @param declared what the application declares
     * @return the differences
     */
    public static SchemaComparison of(SchemaModel migrated, SchemaModel declared) {
        SchemaComparison comparison = new SchemaComparison();
        for (TableModel table : migrated.tables.values()) {
            if (!declared.tables.containsKey(SchemaModel.key(table.name))) {
                comparison.lacks(table.origin + " creates table " + table.name);
            }
        }
        for (TableModel table : declared.tables.values()) {
            TableModel built = migrated.tables.get(SchemaModel.key(table.name));
            if (built == null) {
                Table created = new Table(table.name, table.columnValues(), List.of());
                comparison.add("table " + table.name, true, new CreateTable(created));
                List<Index> createdIndexes = created.allIndexes();
                for (Shaped<Index> index : table.indexes.values()) {
                    if (!createdIndexes.contains(index.value())) {
                        comparison.add("index " + index.value().name(), true, new CreateIndex(index.value()));
                    }
                }
            }
            else {
                comparison.compare(built, table);
            }
        }
        return comparison;
    }

    private void compare(TableModel built, TableModel declared) {
        for (Shaped<Column> column : built.columns.values()) {
            if (declared.find(column.value().name()) == null) {
                lacks(column.origin() + " adds column " + built.name + "." + column.value().name());
            }
        }
        List<Column> added = new ArrayList<>();
        for (Shaped<Column> column : declared.columns.values()) {
            Shaped<Column> existing = built.find(column.value().name());
            if (existing == null) {
                added.add(column.value());
                if (!column.value().addable()) {
                    this.differences.add(new Difference("the declared schema has column " + declared.name + "."
                            + column.value().name() + ", which no migration adds and which cannot be added to a table"
                            + " in use (it refuses nulls without a default, or is a key)", false, null));
                }
            }
            else if (!sameShape(existing.value(), column.value())) {
                this.differences.add(new Difference("column " + declared.name + "." + column.value().name() + " is "
                        + shape(existing.value()) + " after " + existing.origin() + ", but declared "
                        + shape(column.value()), false, null));
            }
        }
        boolean addable = true;
        for (Column column : added) {
            addable &= column.addable();
        }
        if (!added.isEmpty() && addable) {
            List<String> names = new ArrayList<>();
            for (Column column : added) {
                names.add(declared.name + "." + column.name());
            }
            this.differences.add(new Difference("the declared schema has column(s) " + String.join(", ", names)
                    + ", which no migration adds", true, new AddColumns(declared.name, added)));
        }
        // an added column that is indexed brings its index with it
        List<String> implied = new ArrayList<>();
        for (Column column : added) {
            if (column.isIndexed()) {
                implied.add(SchemaModel.key(Index.defaultName(declared.name, List.of(column.name()))));
            }
        }
        for (Shaped<Index> index : built.indexes.values()) {
            Shaped<Index> wanted = declared.indexes.get(SchemaModel.key(index.value().name()));
            if (wanted == null) {
                lacks(index.origin() + " creates index " + index.value().name());
            }
            else if (!index.value().equals(wanted.value())) {
                this.differences.add(new Difference(index.value() + " after " + index.origin() + ", but declared "
                        + wanted.value(), false, null));
            }
        }
        for (Map.Entry<String, Shaped<Index>> index : declared.indexes.entrySet()) {
            if (!built.indexes.containsKey(index.getKey()) && !implied.contains(index.getKey())) {
                add("index " + index.getValue().value().name(), true, new CreateIndex(index.getValue().value()));
            }
        }
    }

    private void lacks(String what) {
        this.differences.add(new Difference(what + ", which the declared schema lacks", false, null));
    }

    private void add(String what, boolean additive, Step step) {
        this.differences.add(new Difference("the declared schema has " + what + ", which no migration "
                + (what.startsWith("column") ? "adds" : "creates"), additive, step));
    }

    /**
     * A column as the comparison sees it: everything but whether it has an index, which indexes are compared for.
     * @param column the column
     * @return its shape
     */
    static boolean sameShape(Column a, Column b) {
        // field by field, so that matching columns, nearly all of them, cost no string
        return a.type().equals(b.type()) && a.isNullable() == b.isNullable() && a.isPrimaryKey() == b.isPrimaryKey()
                && a.isUnique() == b.isUnique() && a.isIdentity() == b.isIdentity()
                && java.util.Objects.equals(a.defaultSql(), b.defaultSql())
                && java.util.Objects.equals(a.reference(), b.reference());
    }

    static String shape(Column column) {
        return column.toString().substring(column.name().length() + 1).replace(" indexed", "");
    }

    public List<Difference> differences() {
        return this.differences;
    }

    /**
     * The differences that do not only add to what the migrations build, which no automatic migration can make.
     * @return the differences
     */
    public List<Difference> conflicts() {
        List<Difference> conflicts = new ArrayList<>();
        for (Difference difference : this.differences) {
            if (!difference.additive()) {
                conflicts.add(difference);
            }
        }
        return List.copyOf(conflicts);
    }

    /**
     * The steps that add what the declared schema has and the migrations do not: new tables, then new columns,
     * then new indexes.
     * @return the steps
     */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (Class<?> kind : List.of(CreateTable.class, AddColumns.class, CreateIndex.class)) {
            this.differences.stream()
                .filter((difference) -> kind.isInstance(difference.step()))
                .forEach((difference) -> steps.add(difference.step()));
        }
        return steps;
    }

    /**
     * One difference.
     * @param message what differs, named
     * @param additive whether it only adds
     * @param step the step that adds it, where it only adds
     */
    public record Difference(String message, boolean additive, @Nullable Step step) {

    }

}
