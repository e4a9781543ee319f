package dev.cairn.autoconfigure;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.cairn.MigrationInfo;

/**
 * Migrations as a plain-text table, as {@code flyway info} prints them: version, description, type, state, when
 * they were installed (UTC) and how long they took.
 */
final class StatusTable {

    private static final String[] HEADINGS = { "Version", "Description", "Type", "State", "Installed on (UTC)",
            "Execution time" };

    private static final DateTimeFormatter INSTALLED_ON = DateTimeFormatter.ISO_INSTANT;

    private StatusTable() {
    }

    static String of(List<MigrationInfo> migrations) {
        List<String[]> rows = new ArrayList<>(migrations.size() + 1);
        rows.add(HEADINGS);
        for (MigrationInfo migration : migrations) {
            rows.add(new String[] { (migration.version() != null) ? migration.version().toString() : "",
                    migration.description(), migration.type(), migration.state().name(),
                    (migration.installedOn() != null)
                            ? INSTALLED_ON.format(migration.installedOn().truncatedTo(ChronoUnit.SECONDS)) : "",
                    (migration.executionTimeMs() != null) ? migration.executionTimeMs() + " ms" : "" });
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        String rule = rule(widths);
        table.append(rule);
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                table.append("| ").append(row[i]).append(" ".repeat(widths[i] - row[i].length())).append(' ');
            }
            table.append("|\n");
            if (r == 0) {
                table.append(rule);
            }
        }
        if (migrations.isEmpty()) {
            String none = "No migrations found";
            int width = rule.length() - 4;
            table.append("| ").append(none).append(" ".repeat(Math.max(0, width - none.length()))).append(" |\n");
        }
        return table.append(rule).toString();
    }

    private static String rule(int[] widths) {
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append('+').append("-".repeat(width + 2));
        }
        return rule.append("+\n").toString();
    }

}
