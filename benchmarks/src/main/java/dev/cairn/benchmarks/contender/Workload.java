package dev.cairn.benchmarks.contender;

import java.util.List;

/**
 * The same work for every contender: {@code size} migrations, where migration {@code i} creates table
 * {@code t_i}, indexes it and inserts one row.
 *
 * @param size how many migrations
 */
public record Workload(int size) {

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

}
