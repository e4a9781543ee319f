package dev.cairn.core;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.cairn.Version;
import org.jspecify.annotations.Nullable;

/**
 * Flyway's history table ({@code flyway_schema_history} by default) beside Cairn's, read so that a database migrated
 * by Flyway is taken over as it is: every row with its rank, version, description, type, script, checksum, time, user
 * and outcome. Flyway's table itself is never changed.
 */
final class FlywayHistory {

    private final HistoryTable history;

    private final TableName table;

    FlywayHistory(HistoryTable history, String table) {
        this.history = history;
        this.table = history.name().sibling(table);
    }

    String name() {
        return this.table.qualified();
    }

    boolean exists() {
        return Boolean.TRUE.equals(this.history.jdbc().execute((Connection connection) -> this.table.exists(connection)));
    }

    /**
     * Reads Flyway's rows as Cairn records them. A row Flyway wrote to mark an earlier one deleted or undone removes
     * that one; Java migrations ({@code JDBC}, {@code SPRING_JDBC}) become {@code JAVA}, baselines {@code BASELINE}
     * and the schema-creation marker {@code SCHEMA_CREATION}; other types keep their name.
     * @return the rows, by rank
     */
    List<AppliedMigration> read() {
        String epochMillis = this.history.dialect().epochMillis("installed_on");
        String installedOn = (epochMillis != null) ? epochMillis : "installed_on";
        Map<Integer, AppliedMigration> rows = new TreeMap<>();
        List<AppliedMigration> removals = new ArrayList<>();
        this.history.jdbc().query("SELECT installed_rank, version, description, type, script, checksum, "
                + installedOn + ", installed_by, execution_time, success FROM " + name(), (rs) -> {
                    String version = rs.getString(2);
                    int checksum = rs.getInt(6);
                    Integer declared = rs.wasNull() ? null : checksum;
                    Instant on = (epochMillis != null) ? Instant.ofEpochMilli(rs.getLong(7))
                            : rs.getTimestamp(7).toInstant();
                    String type = rs.getString(4);
                    AppliedMigration row = new AppliedMigration(rs.getInt(1),
                            (version != null && !version.isBlank()) ? Version.parse(version) : null, rs.getString(3),
                            type(type), rs.getString(5), declared, on, rs.getString(8), rs.getLong(9),
                            rs.getBoolean(10), null);
                    if (removes(type)) {
                        removals.add(row);
                    }
                    else {
                        rows.put(row.installedRank(), row);
                    }
                });
        for (AppliedMigration removal : removals) {
            rows.values().removeIf((row) -> row.installedRank() < removal.installedRank()
                    && Objects.equals(row.version(), removal.version())
                    && (row.version() != null || Objects.equals(row.description(), removal.description())));
        }
        return new ArrayList<>(rows.values());
    }

    private static boolean removes(String type) {
        String upper = type.toUpperCase(Locale.ROOT);
        return upper.equals("DELETE") || upper.startsWith("UNDO_");
    }

    private static String type(String type) {
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "JDBC", "SPRING_JDBC", "JAVA" -> "JAVA";
            case "BASELINE", "SQL_BASELINE", "JDBC_BASELINE" -> AppliedMigration.BASELINE;
            case "SCHEMA" -> AppliedMigration.SCHEMA_CREATION;
            default -> type;
        };
    }

    static String summary(List<AppliedMigration> rows) {
        Map<String, Integer> byType = new LinkedHashMap<>();
        rows.forEach((row) -> byType.merge(String.valueOf(row.type()), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        byType.forEach((type, count) -> parts.add(count + " " + type));
        return String.join(", ", parts);
    }


}
