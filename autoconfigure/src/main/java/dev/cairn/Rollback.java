package dev.cairn;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.core.AppliedHistory;
import dev.cairn.core.AppliedMigration;
import dev.cairn.core.MigrationPlan;
import dev.cairn.core.source.ExecutableMigration;
import org.jspecify.annotations.Nullable;

/**
 * What a rollback reverts: the applied migrations above a version, newest first, each checked before anything
 * changes.
 */
final class Rollback {

    private Rollback() {
    }

    static Map<ExecutableMigration, AppliedMigration> revertible(MigrationPlan plan, AppliedHistory history,
            Version version) {
        List<AppliedMigration> above = history.rows()
            .stream()
            .filter((row) -> row.version() != null && !row.marker() && row.version().compareTo(version) > 0)
            .sorted(Comparator.comparing(AppliedMigration::version).reversed())
            .toList();
        Map<ExecutableMigration, AppliedMigration> toRevert = new LinkedHashMap<>();
        for (AppliedMigration row : above) {
            if (!row.success()) {
                throw new MigrationException("Cannot roll back past migration " + row.version() + " \""
                        + row.description() + "\": it is recorded as " + (row.interrupted() ? "INTERRUPTED" : "FAILED"),
                        "Clean up what it left behind, run the application with --cairn.mode=repair (or call"
                                + " MigrationRunner.repair()), then roll back again.");
            }
            ExecutableMigration migration = plan.find(row.version());
            if (migration == null) {
                throw new MigrationException("Cannot roll back past migration " + row.version() + " \""
                        + row.description() + "\": it is applied but is not a migration of this application",
                        "Roll back with the version of the application that contains migration " + row.version()
                                + ", or only to version " + row.version() + " or later.");
            }
            if (!migration.reversible()) {
                throw new IrreversibleMigrationException(migration);
            }
            toRevert.put(migration, row);
        }
        return toRevert;
    }

    static @Nullable Version currentAfter(AppliedHistory history, Version version) {
        Version current = null;
        for (AppliedMigration row : history.rows()) {
            if (row.success() && row.version() != null && row.version().compareTo(version) <= 0
                    && (current == null || row.version().compareTo(current) > 0)) {
                current = row.version();
            }
        }
        return current;
    }

}
