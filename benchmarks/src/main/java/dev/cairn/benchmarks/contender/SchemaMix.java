package dev.cairn.benchmarks.contender;

import java.util.List;

/**
 * The schema benchmark's N migrations as plain data and SQL, without Cairn's classes: half create a table, a quarter
 * add a column to the table created just before, a quarter index the name of a table created three versions earlier.
 * Migration {@code k} with {@code k % 4} of 1 creates {@code t_k (id, name, amount, created_at)}, of 2 creates
 * {@code t_k} with a {@code parent_id} referencing {@code t_(k-1)} and indexed, of 3 adds {@code note_k} to
 * {@code t_(k-1)}, of 0 indexes {@code t_(k-3).name}.
 *
 * @param size how many migrations
 */
public record SchemaMix(int size) {

    /**
     * What a migration does.
     */
    public enum Kind {

        /** Creates table {@code t_k}. */
        CREATE_TABLE,

        /** Adds a nullable text column to the table created just before. */
        ADD_COLUMN,

        /** Indexes the name column of a table created three versions earlier. */
        CREATE_INDEX

    }

    /**
     * What migration {@code version} does.
     * @param version from 1
     * @return its kind
     */
    public static Kind kind(int version) {
        return switch (version % 4) {
            case 1, 2 -> Kind.CREATE_TABLE;
            case 3 -> Kind.ADD_COLUMN;
            default -> Kind.CREATE_INDEX;
        };
    }

    /**
     * The table migration {@code version} creates or changes.
     * @param version from 1
     * @return the table's name
     */
    public static String table(int version) {
        return switch (kind(version)) {
            case CREATE_TABLE -> "t_" + version;
            case ADD_COLUMN -> "t_" + (version - 1);
            case CREATE_INDEX -> "t_" + (version - 3);
        };
    }

    /**
     * Whether table {@code t_version} has a {@code parent_id} referencing the table before it.
     * @param version a version that creates a table
     * @return whether it has a parent
     */
    public static boolean hasParent(int version) {
        return version % 4 == 2;
    }

    /**
     * The name of the column migration {@code version} adds.
     * @param version a version that adds a column
     * @return the column's name
     */
    public static String addedColumn(int version) {
        return "note_" + version;
    }

    /**
     * How many tables the N migrations create.
     * @return the count
     */
    public int tables() {
        int tables = 0;
        for (int version = 1; version <= this.size; version++) {
            tables += (kind(version) == Kind.CREATE_TABLE) ? 1 : 0;
        }
        return tables;
    }

    /**
     * The description of migration {@code version}, the same for every contender.
     * @param version from 1
     * @return the description
     */
    public static String description(int version) {
        return switch (kind(version)) {
            case CREATE_TABLE -> "Create " + table(version);
            case ADD_COLUMN -> "Add " + addedColumn(version) + " to " + table(version);
            case CREATE_INDEX -> "Index " + table(version) + ".name";
        };
    }

    /**
     * The statements raw JDBC runs for migration {@code version}, the DDL Cairn renders for its steps.
     * @param version from 1
     * @return the statements
     */
    public static List<String> statements(int version) {
        String table = table(version);
        return switch (kind(version)) {
            case CREATE_TABLE -> hasParent(version)
                    ? List.of(create(table, ", parent_id BIGINT REFERENCES t_" + (version - 1) + " (id)"),
                            "CREATE INDEX " + table + "_parent_id_idx ON " + table + " (parent_id)")
                    : List.of(create(table, ""));
            case ADD_COLUMN -> List.of("ALTER TABLE " + table + " ADD COLUMN " + addedColumn(version) + " TEXT");
            case CREATE_INDEX -> List.of("CREATE INDEX " + table + "_name_idx ON " + table + " (name)");
        };
    }

    private static String create(String table, String more) {
        return "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, amount INTEGER DEFAULT 0,"
                + " created_at TIMESTAMP" + more + ")";
    }

}
