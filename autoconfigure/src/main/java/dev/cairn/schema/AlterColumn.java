package dev.cairn.schema;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Changes a column's type, nullability or default, as in {@code alterColumn("todos", "title").type(...)}. What is
 * not set stays as it is. Irreversible: the step does not know what was there before. On SQLite, which cannot alter
 * a column, it runs as a table rebuild.
 *
 * @param table the table
 * @param column the column
 * @param type the new type, or {@code null} to keep it
 * @param nullability whether the column accepts nulls from now on, or {@code null} to keep it
 * @param defaultSql the new default as SQL, or {@code null} to keep it (or drop it, see {@code dropDefault})
 * @param defaultDropped whether the default is dropped
 */
public record AlterColumn(String table, String column, @Nullable ColumnType type, @Nullable Boolean nullability,
        @Nullable String defaultSql, boolean defaultDropped) implements Step {

    /**
     * Checks the names.
     * @param table the table
     * @param column the column
     * @param type the new type
     * @param nullability the new nullability
     * @param defaultSql the new default
     * @param defaultDropped whether the default is dropped
     */
    public AlterColumn {
        Identifiers.check(table, "table");
        Identifiers.check(column, "column");
    }

    /**
     * This change, also giving the column a new type.
     * @param type the type
     * @return the step
     */
    public AlterColumn type(ColumnType type) {
        return new AlterColumn(this.table, this.column, type, this.nullability, this.defaultSql, this.defaultDropped);
    }

    /** @return this change, also making the column refuse nulls */
    public AlterColumn notNull() {
        return new AlterColumn(this.table, this.column, this.type, false, this.defaultSql, this.defaultDropped);
    }

    /** @return this change, also making the column accept nulls */
    public AlterColumn nullable() {
        return new AlterColumn(this.table, this.column, this.type, true, this.defaultSql, this.defaultDropped);
    }

    /**
     * This change, also giving the column a default value (a string, a number or a boolean).
     * @param value the value
     * @return the step
     */
    public AlterColumn defaultValue(Object value) {
        return new AlterColumn(this.table, this.column, this.type, this.nullability, Column.literal(value), false);
    }

    /**
     * This change, also giving the column a default SQL expression.
     * @param expression the expression
     * @return the step
     */
    public AlterColumn defaultSql(String expression) {
        return new AlterColumn(this.table, this.column, this.type, this.nullability, expression, false);
    }

    /** @return this change, also dropping the column's default */
    public AlterColumn dropDefault() {
        return new AlterColumn(this.table, this.column, this.type, this.nullability, null, true);
    }

    @Override
    public boolean additive() {
        return this.type == null && !Boolean.FALSE.equals(this.nullability);
    }

    @Override
    public @Nullable List<Step> inverse() {
        return null;
    }

    @Override
    public @Nullable String advice() {
        if (additive()) {
            return null;
        }
        return (this.type != null)
                ? "applications that still write " + this.table + "." + this.column + " as it is fail: add a new column"
                        + " of the new type, write both, and stop using the old one"
                : "NOT NULL on an existing column breaks the inserts of applications that leave it empty: give it a"
                        + " default first, or add a new NOT NULL column with a default";
    }

    @Override
    public String toString() {
        List<String> changes = new ArrayList<>();
        if (this.type != null) {
            changes.add("type " + this.type);
        }
        if (this.nullability != null) {
            changes.add(this.nullability ? "nullable" : "not null");
        }
        if (this.defaultSql != null) {
            changes.add("default " + this.defaultSql);
        }
        if (this.defaultDropped) {
            changes.add("no default");
        }
        return "alterColumn(" + this.table + "." + this.column + ": " + String.join(", ", changes) + ")";
    }

}
