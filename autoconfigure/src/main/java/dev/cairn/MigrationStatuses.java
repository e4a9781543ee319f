package dev.cairn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.cairn.core.AppliedMigration;
import dev.cairn.core.MigrationPlan;
import dev.cairn.core.PlannedMigration;
import org.jspecify.annotations.Nullable;

/**
 * Merges the application's migrations with the history table into one {@link MigrationStatus}.
 */
final class MigrationStatuses {

    private MigrationStatuses() {
    }

    static MigrationStatus of(MigrationPlan plan, List<AppliedMigration> history,
            @Nullable MigrationFailedException lastFailure) {
        Map<Long, MigrationInfo> byVersion = new TreeMap<>();
        for (PlannedMigration migration : plan.migrations()) {
            boolean failedNow = lastFailure != null && lastFailure.getVersion() == migration.version();
            byVersion.put(migration.version(), new MigrationInfo(migration.version(), migration.description(),
                    migration.type(), failedNow ? MigrationState.FAILED : MigrationState.PENDING,
                    migration.checksum(), null, null, null, migration.reversible()));
        }
        long latestKnown = plan.latestVersion();
        for (AppliedMigration row : history) {
            PlannedMigration migration = plan.find(row.version());
            MigrationState state;
            if (!row.success()) {
                state = MigrationState.FAILED;
            }
            else if (migration != null) {
                state = MigrationState.APPLIED;
            }
            else {
                state = (row.version() > latestKnown) ? MigrationState.FUTURE : MigrationState.MISSING;
            }
            byVersion.put(row.version(), new MigrationInfo(row.version(),
                    (migration != null) ? migration.description() : row.description(), row.type(), state,
                    row.checksum(), row.installedOn(), row.installedBy(), row.executionTime(),
                    migration != null && migration.reversible()));
        }
        return new MigrationStatus(MigrationRunner.currentVersion(history), List.copyOf(new ArrayList<>(byVersion.values())));
    }

}
