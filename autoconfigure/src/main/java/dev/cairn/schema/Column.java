package dev.cairn.schema;

import java.math.BigDecimal;
import java.util.Objects;

import dev.cairn.schema.ColumnType.Kind;
import org.jspecify.annotations.Nullable;

/**
 * A column of a declarative step, built fluently and immutable: each method returns a new column, as in
 * {@code column("title").varchar(200).notNull().indexed()}. Columns are nullable until {@link #notNull()} says
 * otherwise.
 */
public final class Column {

    private final String name;

    private final @Nullable ColumnType type;

    private final boolean nullable;

    private final @Nullable String defaultSql;

    private final boolean primaryKey;

    private final boolean unique;

    private final boolean indexed;

    private final @Nullable Reference reference;

    private Column(String name, @Nullable ColumnType type, boolean nullable, @Nullable String defaultSql,
            boolean primaryKey, boolean unique, boolean indexed, @Nullable Reference reference) {
        this.name = name;
        this.type = type;
        this.nullable = nullable;
        this.defaultSql = defaultSql;
        this.primaryKey = primaryKey;
        this.unique = unique;
        this.indexed = indexed;
        this.reference = reference;
    }

    static Column named(String name) {
        return new Column(Identifiers.check(name, "column"), null, true, null, false, false, false, null);
    }

    private Column with(@Nullable ColumnType type, boolean nullable, @Nullable String defaultSql, boolean primaryKey,
            boolean unique, boolean indexed, @Nullable Reference reference) {
        return new Column(this.name, type, nullable, defaultSql, primaryKey, unique, indexed, reference);
    }

    private Column typed(ColumnType type) {
        return with(type, this.nullable, this.defaultSql, this.primaryKey, this.unique, this.indexed, this.reference);
    }

    /** @return this column holding text of any length */
    public Column text() {
        return typed(ColumnType.of(Kind.TEXT));
    }

    /**
     * This column holding text of at most {@code length} characters.
     * @param length the length
     * @return the column
     */
    public Column varchar(int length) {
        return typed(new ColumnType(Kind.VARCHAR, length, 0, 0));
    }

    /** @return this column holding 32-bit integers */
    public Column integer() {
        return typed(ColumnType.of(Kind.INTEGER));
    }

    /** @return this column holding 64-bit integers */
    public Column bigint() {
        return typed(ColumnType.of(Kind.BIGINT));
    }

    /** @return this column holding booleans */
    public Column bool() {
        return typed(ColumnType.of(Kind.BOOLEAN));
    }

    /**
     * This column holding exact decimal numbers.
     * @param precision the number of digits
     * @param scale the number of digits after the point
     * @return the column
     */
    public Column decimal(int precision, int scale) {
        return typed(new ColumnType(Kind.DECIMAL, 0, precision, scale));
    }

    /** @return this column holding dates */
    public Column date() {
        return typed(ColumnType.of(Kind.DATE));
    }

    /** @return this column holding dates and times without time zone */
    public Column timestamp() {
        return typed(ColumnType.of(Kind.TIMESTAMP));
    }

    /** @return this column holding UUIDs */
    public Column uuid() {
        return typed(ColumnType.of(Kind.UUID));
    }

    /** @return this column holding JSON documents */
    public Column json() {
        return typed(ColumnType.of(Kind.JSON));
    }

    /** @return this column holding binary data */
    public Column blob() {
        return typed(ColumnType.of(Kind.BLOB));
    }

    /**
     * This column with the given type.
     * @param type the type
     * @return the column
     */
    public Column type(ColumnType type) {
        return typed(type);
    }

    /** @return this column refusing nulls */
    public Column notNull() {
        return with(this.type, false, this.defaultSql, this.primaryKey, this.unique, this.indexed, this.reference);
    }

    /** @return this column accepting nulls (the default) */
    public Column nullable() {
        return with(this.type, true, this.defaultSql, this.primaryKey, this.unique, this.indexed, this.reference);
    }

    /**
     * This column with a default value: a string, a number or a boolean, written as an SQL literal.
     * @param value the value
     * @return the column
     */
    public Column defaultValue(Object value) {
        return defaultSql(literal(value));
    }

    /**
     * This column with a default given as an SQL expression, such as {@code CURRENT_TIMESTAMP}, used as written.
     * @param expression the expression
     * @return the column
     */
    public Column defaultSql(String expression) {
        return with(this.type, this.nullable, expression, this.primaryKey, this.unique, this.indexed, this.reference);
    }

    /** @return this column without a default */
    public Column withoutDefault() {
        return with(this.type, this.nullable, null, this.primaryKey, this.unique, this.indexed, this.reference);
    }

    /**
     * This column under another name, as a rename leaves it.
     * @param name the new name
     * @return the column
     */
    public Column withName(String name) {
        return new Column(Identifiers.check(name, "column"), this.type, this.nullable, this.defaultSql,
                this.primaryKey, this.unique, this.indexed, this.reference);
    }

    /** @return this column as the table's primary key (several columns make a composite key); implies not null */
    public Column primaryKey() {
        return with(this.type, false, this.defaultSql, true, this.unique, this.indexed, this.reference);
    }

    /** @return this column with a unique constraint */
    public Column unique() {
        return with(this.type, this.nullable, this.defaultSql, this.primaryKey, true, this.indexed, this.reference);
    }

    /** @return this column with an index of its own, named {@code <table>_<column>_idx} */
    public Column indexed() {
        return with(this.type, this.nullable, this.defaultSql, this.primaryKey, this.unique, true, this.reference);
    }

    /**
     * This column referring to a column of another table.
     * @param table the referenced table
     * @param column the referenced column
     * @return the column
     */
    public Column references(String table, String column) {
        return references(table, column, OnDelete.NO_ACTION);
    }

    /**
     * This column referring to a column of another table, with what happens when the referenced row is deleted.
     * @param table the referenced table
     * @param column the referenced column
     * @param onDelete the action
     * @return the column
     */
    public Column references(String table, String column, OnDelete onDelete) {
        Reference reference = new Reference(Identifiers.check(table, "table"), Identifiers.check(column, "column"),
                onDelete);
        return with(this.type, this.nullable, this.defaultSql, this.primaryKey, this.unique, this.indexed, reference);
    }

    public String name() {
        return this.name;
    }

    /**
     * The type.
     * @return the type
     * @throws IllegalStateException when no type was given
     */
    public ColumnType type() {
        if (this.type == null) {
            throw new IllegalStateException("Column " + this.name + " has no type: give it one, such as"
                    + " column(\"" + this.name + "\").text()");
        }
        return this.type;
    }

    public boolean isNullable() {
        return this.nullable;
    }

    public @Nullable String defaultSql() {
        return this.defaultSql;
    }

    public boolean isPrimaryKey() {
        return this.primaryKey;
    }

    public boolean isUnique() {
        return this.unique;
    }

    public boolean isIndexed() {
        return this.indexed;
    }

    public @Nullable Reference reference() {
        return this.reference;
    }

    /**
     * Whether adding this column to a table with rows works everywhere: it accepts nulls or has a default, and is
     * neither a primary key nor unique.
     * @return whether the column can be added to a table in use
     */
    public boolean addable() {
        return (this.nullable || this.defaultSql != null) && !this.primaryKey && !this.unique;
    }

    static String literal(Object value) {
        if (value instanceof Boolean bool) {
            return bool ? "TRUE" : "FALSE";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof CharSequence text) {
            return "'" + text.toString().replace("'", "''") + "'";
        }
        throw new IllegalArgumentException("A default value is a string, a number or a boolean, not "
                + value.getClass().getName() + "; use defaultSql(...) for an SQL expression");
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Column column && this.name.equals(column.name)
                && Objects.equals(this.type, column.type) && this.nullable == column.nullable
                && Objects.equals(this.defaultSql, column.defaultSql) && this.primaryKey == column.primaryKey
                && this.unique == column.unique && this.indexed == column.indexed
                && Objects.equals(this.reference, column.reference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.name, this.type, this.nullable, this.defaultSql, this.primaryKey, this.unique,
                this.indexed, this.reference);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(this.name).append(' ').append(this.type);
        if (this.primaryKey) {
            text.append(" primary key");
        }
        else if (!this.nullable) {
            text.append(" not null");
        }
        if (this.defaultSql != null) {
            text.append(" default ").append(this.defaultSql);
        }
        if (this.unique) {
            text.append(" unique");
        }
        if (this.indexed) {
            text.append(" indexed");
        }
        if (this.reference != null) {
            text.append(" references ").append(this.reference);
        }
        return text.toString();
    }

}
