package dev.cairn.core;

import java.sql.Connection;
import java.util.List;
import java.util.Set;

import dev.cairn.MigrationException;
import dev.cairn.Version;

/**
 * The shape of the table named by {@code cairn.table}: missing, the current layout, the layout before Cairn recorded
 * whether a migration was additive (upgraded in place by adding the columns), the layout Cairn 0.1 wrote (rebuilt),
 * or a table that is not a history table at all.
 */
enum HistoryLayout {

    MISSING, CURRENT, BEFORE_POLICY, CAIRN_0_1, FOREIGN;

    private static final Set<String> BEFORE_POLICY_COLUMNS = Set.of("installed_rank", "version", "description",
            "type", "script", "checksum", "installed_on", "installed_by", "execution_time", "success",
            "installed_from");

    /** The columns {@code cairn.policy} and {@code cairn.future} need, in the order they are added. */
    static final List<String> POLICY_COLUMNS = List.of("additive", "breaking_reason");

    private static final Set<String> CAIRN_0_1_COLUMNS = Set.of("version", "description", "type", "checksum",
            "installed_on", "installed_by", "execution_time", "success");

    static HistoryLayout of(HistoryTable history) {
        return of(history, history.name());
    }

    static HistoryLayout of(HistoryTable history, TableName table) {
        Set<String> columns = history.jdbc().execute((Connection connection) -> table.columns(connection));
        return of(columns);
    }

    static HistoryLayout of(Set<String> columns) {
        if (columns.isEmpty()) {
            return MISSING;
        }
        if (columns.containsAll(BEFORE_POLICY_COLUMNS)) {
            return columns.containsAll(POLICY_COLUMNS) ? CURRENT : BEFORE_POLICY;
        }
        return columns.equals(CAIRN_0_1_COLUMNS) ? CAIRN_0_1 : FOREIGN;
    }

    /**
     * The error for a table that is not a history table.
     * @param table the table
     * @param columns its columns
     * @return the error
     */
    static MigrationException foreign(TableName table, Set<String> columns) {
        return new MigrationException("The table " + table.qualified() + " named by cairn.table is not a Cairn"
                + " history table: its columns are " + columns + "; nothing was changed",
                "Set cairn.table to the name of Cairn's history table, or to a name no other table has, such as"
                        + " cairn_migrations.");
    }

    /**
     * Reads a table of the layout Cairn 0.1 wrote, in version order, as rows of the current layout.
     * @param history the table
     * @return the rows
     */
    static List<AppliedMigration> readCairn01(HistoryTable history) {
        List<AppliedMigration> rows = history.jdbc().query("SELECT version, description, type, checksum,"
                + " installed_on, installed_by, execution_time, success FROM " + history.name().qualified()
                + " ORDER BY version", (rs, row) -> {
                    int checksum = rs.getInt(4);
                    Integer declared = rs.wasNull() ? null : checksum;
                    long executionTime = rs.getLong(7);
                    return new AppliedMigration(row + 1, Version.of(rs.getLong(1)), rs.getString(2), rs.getString(3),
                            null, declared, history.dialect().readTimestamp(rs, "installed_on"), rs.getString(6),
                            executionTime, rs.getBoolean(8), null);
                });
        return rows;
    }

}
