package dev.cairn.benchmarks.contender;

import java.util.List;

/**
 * The same work for every contender: {@code size} migrations, where migration {@code i} creates table
 * {@code t_i}, indexes it and inserts one row, written either as each tool's Java migrations or as SQL scripts.
 *
 * @param size how many migrations
 * @param form how the migrations are written
 */
public record Workload(int size, Form form) {

    /** Where the SQL scripts are on the classpath, the default location of Cairn and Flyway. */
    public static final String SCRIPT_LOCATION = "db/migration";

    public Workload {
        if (size < 1) {
            throw new IllegalArgumentException("A workload needs at least one migration, not " + size);
        }
    }

    /**
     * The statements of migration {@code version}, in order.
     * @param version from 1 to {@link #size()}
     * @return the three statements
     */
    public static List<String> statements(int version) {
        String table = "t_" + version;
        return List.of("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created_at TEXT)",
                "CREATE INDEX " + table + "_name ON " + table + "(name)",
                "INSERT INTO " + table + " (id, name, created_at) VALUES (1, 'row " + version
                        + "', '2026-01-01T00:00:00Z')");
    }

    /**
     * The description of migration {@code version}, the same for every tool.
     * @param version from 1 to {@link #size()}
     * @return the description
     */
    public static String description(int version) {
        return "Create t_" + version;
    }

    /**
     * The file name of migration {@code version} as a SQL script, named as Flyway names versioned scripts.
     * @param version from 1 to {@link #size()}
     * @return the file name, such as {@code V7__create_t_7.sql}
     */
    public static String scriptName(int version) {
        return "V" + version + "__create_t_" + version + ".sql";
    }

    /**
     * The text of migration {@code version} as a SQL script: its statements, each ended by a semicolon and a line
     * break.
     * @param version from 1 to {@link #size()}
     * @return the script
     */
    public static String script(int version) {
        StringBuilder script = new StringBuilder();
        for (String sql : statements(version)) {
            script.append(sql).append(";\n");
        }
        return script.toString();
    }

    /**
     * How the migrations are written.
     */
    public enum Form {

        /** One object per migration, of a class that implements the tool's Java migration interface. */
        JAVA,

        /**
         * One SQL script per migration, {@code db/migration/V<i>__create_t_<i>.sql}, in a jar on the classpath that
         * every tool reads.
         */
        SQL

    }

}
