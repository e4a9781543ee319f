package dev.cairn.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The application's schema as it should be, declared once as a bean: its tables and a version, as seed 000's
 * {@code schema({name, version}, tables)} and WatermelonDB's {@code appSchema} declare it. Before anything runs,
 * Cairn folds the steps of every {@link SchemaMigration} and compares the result with it: a difference fails
 * start-up and is named. When the version is above the last migration's and every difference only adds (a new
 * table, a column that accepts nulls or has a default, an index), Cairn applies the difference itself as that
 * version.
 * <pre>
 * &#64;Bean
 * DeclaredSchema schema() {
 *     return DeclaredSchema.of(3,
 *             table("todos", column("id").bigint().primaryKey(), column("title").varchar(200).notNull(),
 *                     column("priority").integer().defaultValue(0).indexed()));
 * }
 * </pre>
 */
public final class DeclaredSchema {

    private final long version;

    private final List<Table> tables;

    private DeclaredSchema(long version, List<Table> tables) {
        if (version <= 0) {
            throw new IllegalArgumentException("The declared schema's version must be positive, not " + version);
        }
        Set<String> names = new HashSet<>();
        for (Table table : tables) {
            if (!names.add(table.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("The declared schema has table " + table.name() + " twice");
            }
        }
        this.version = version;
        this.tables = List.copyOf(tables);
    }

    /**
     * A declared schema.
     * @param version its version: that of the last migration, or above it to add what differs automatically
     * @param tables its tables
     * @return the schema
     */
    public static DeclaredSchema of(long version, Table... tables) {
        return new DeclaredSchema(version, List.of(tables));
    }

    /**
     * A declared schema.
     * @param version its version
     * @param tables its tables
     * @return the schema
     */
    public static DeclaredSchema of(long version, List<Table> tables) {
        return new DeclaredSchema(version, tables);
    }

    public long version() {
        return this.version;
    }

    public List<Table> tables() {
        return this.tables;
    }

    /**
     * The schema written out in full, every column and option included: its checksum is recorded with the
     * automatic migration, so that a declaration changed without a new version is detected.
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("schema version ").append(this.version);
        for (Table table : this.tables) {
            text.append('\n').append(StepText.of(new CreateTable(table)));
        }
        return text.toString();
    }

}
