package dev.cairn.schema;

import java.util.List;
import java.util.Map;

/**
 * The declarative steps and their parts, to import statically:
 * <pre>
 * createTable("comments",
 *         column("id").bigint().primaryKey(),
 *         column("post_id").bigint().notNull().references("posts", "id", OnDelete.CASCADE).indexed(),
 *         column("body").text())
 * </pre>
 */
public final class Steps {

    private Steps() {
    }

    /**
     * A column, to be given a type and options.
     * @param name the column's name
     * @return the column
     */
    public static Column column(String name) {
        return Column.named(name);
    }

    /**
     * A table, for {@link #createTable(Table)} and a {@link DeclaredSchema}.
     * @param name the table's name
     * @param columns its columns
     * @return the table
     */
    public static Table table(String name, Column... columns) {
        return new Table(name, List.of(columns), List.of());
    }

    /**
     * Creates a table.
     * @param name the table's name
     * @param columns its columns
     * @return the step
     */
    public static CreateTable createTable(String name, Column... columns) {
        return new CreateTable(table(name, columns));
    }

    /**
     * Creates a table, with its indexes on several columns.
     * @param table the table
     * @return the step
     */
    public static CreateTable createTable(Table table) {
        return new CreateTable(table);
    }

    /**
     * Adds columns to a table.
     * @param table the table
     * @param columns the new columns
     * @return the step
     */
    public static AddColumns addColumns(String table, Column... columns) {
        return new AddColumns(table, List.of(columns));
    }

    /**
     * Creates an index named {@code <table>_<columns>_idx}.
     * @param table the table
     * @param columns the columns
     * @return the step
     */
    public static CreateIndex createIndex(String table, String... columns) {
        return new CreateIndex(new Index(Index.defaultName(table, List.of(columns)), table, List.of(columns), false));
    }

    /**
     * Creates a unique index named {@code <table>_<columns>_idx}.
     * @param table the table
     * @param columns the columns
     * @return the step
     */
    public static CreateIndex createUniqueIndex(String table, String... columns) {
        return new CreateIndex(new Index(Index.defaultName(table, List.of(columns)), table, List.of(columns), true));
    }

    /**
     * Creates an index.
     * @param index the index
     * @return the step
     */
    public static CreateIndex createIndex(Index index) {
        return new CreateIndex(index);
    }

    /**
     * Drops an index.
     * @param table the index's table
     * @param name the index's name
     * @return the step
     */
    public static DropIndex dropIndex(String table, String name) {
        return new DropIndex(table, name);
    }

    /**
     * Renames a column.
     * @param table the table
     * @param from the column's name
     * @param to its new name
     * @return the step
     */
    public static RenameColumn renameColumn(String table, String from, String to) {
        return new RenameColumn(table, from, to);
    }

    /**
     * Renames a table.
     * @param from the table's name
     * @param to its new name
     * @return the step
     */
    public static RenameTable renameTable(String from, String to) {
        return new RenameTable(from, to);
    }

    /**
     * Changes a column; say what with {@link AlterColumn#type}, {@link AlterColumn#notNull()},
     * {@link AlterColumn#nullable()}, {@link AlterColumn#defaultValue} or {@link AlterColumn#dropDefault()}.
     * @param table the table
     * @param column the column
     * @return the step
     */
    public static AlterColumn alterColumn(String table, String column) {
        return new AlterColumn(table, column, null, null, null, false);
    }

    /**
     * Adds a foreign key on one column, named {@code <table>_<column>_fk}.
     * @param table the referencing table
     * @param column the referencing column
     * @param referencedTable the referenced table
     * @param referencedColumn the referenced column
     * @param onDelete what happens to referencing rows when the referenced row is deleted
     * @return the step
     */
    public static AddForeignKey addForeignKey(String table, String column, String referencedTable,
            String referencedColumn, OnDelete onDelete) {
        return new AddForeignKey(table, new ForeignKey(table + "_" + column + "_fk", List.of(column), referencedTable,
                List.of(referencedColumn), onDelete));
    }

    /**
     * Drops a column and its data.
     * @param table the table
     * @param column the column
     * @return the step
     */
    public static DropColumn dropColumn(String table, String column) {
        return new DropColumn(table, column);
    }

    /**
     * Drops a table and its data.
     * @param table the table
     * @return the step
     */
    public static DropTable dropTable(String table) {
        return new DropTable(table);
    }

    /**
     * Runs one SQL statement as written, on every database.
     * @param sql the statement
     * @return the step
     */
    public static SqlStep sql(String sql) {
        return new SqlStep(Map.of(SqlStep.DEFAULT, sql), null);
    }

    /**
     * Runs one SQL statement per database, keyed by the database's name ({@code sqlite}, {@code postgresql},
     * {@code mariadb}, {@code mysql}, {@code h2}, or {@code default}).
     * @param sqlByDatabase the statements
     * @return the step
     */
    public static SqlStep sql(Map<String, String> sqlByDatabase) {
        return new SqlStep(sqlByDatabase, null);
    }

    /**
     * The type {@code varchar(length)}, for {@link AlterColumn#type}.
     * @param length the length
     * @return the type
     */
    public static ColumnType varchar(int length) {
        return new ColumnType(ColumnType.Kind.VARCHAR, length, 0, 0);
    }

    /**
     * A type without size, for {@link AlterColumn#type}.
     * @param kind the kind
     * @return the type
     */
    public static ColumnType type(ColumnType.Kind kind) {
        return ColumnType.of(kind);
    }

}
