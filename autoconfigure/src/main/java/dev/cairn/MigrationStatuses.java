package dev.cairn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.cairn.core.AppliedHistory;
import dev.cairn.core.AppliedMigration;
import dev.cairn.core.MigrationPlan;
import dev.cairn.core.source.DeclaredSchemaResolver;
import dev.cairn.core.source.ExecutableMigration;
import org.jspecify.annotations.Nullable;

/**
 * Merges the application's migrations with the history table into one {@link MigrationStatus}.
 */
final class MigrationStatuses {

    private MigrationStatuses() {
    }

    static MigrationStatus of(MigrationPlan plan, AppliedHistory history,
            @Nullable MigrationFailedException lastFailure) {
        Map<Version, MigrationInfo> versioned = new TreeMap<>();
        for (ExecutableMigration migration : plan.versioned()) {
            MigrationState state = history.belowBaseline(migration.version()) ? MigrationState.BELOW_BASELINE
                    : failedNow(migration, lastFailure) ? MigrationState.FAILED : MigrationState.PENDING;
            versioned.put(migration.version(), pending(migration).withState(state));
        }
        Version latestKnown = plan.latestVersion();
        Map<String, MigrationInfo> repeatable = new TreeMap<>();
        for (AppliedMigration row : history.rows()) {
            if (row.version() == null) {
                repeatable.put(String.valueOf(row.description()), info(plan.findRepeatable(
                        String.valueOf(row.description())), row, MigrationState.APPLIED));
                continue;
            }
            ExecutableMigration migration = plan.find(row.version());
            MigrationState state;
            if (!row.success()) {
                state = row.interrupted() ? MigrationState.INTERRUPTED : MigrationState.FAILED;
            }
            else if (row.marker()) {
                state = MigrationState.BASELINE;
            }
            else if (migration != null) {
                state = MigrationState.APPLIED;
            }
            else if (latestKnown == null || row.version().compareTo(latestKnown) > 0) {
                state = MigrationState.FUTURE;
            }
            else {
                // The automatic migration of an earlier declared schema has no code once the declaration moves on.
                state = DeclaredSchemaResolver.AUTOMATIC.equals(row.type()) ? MigrationState.APPLIED
                        : MigrationState.MISSING;
            }
            versioned.put(row.version(), info(migration, row, state));
        }
        for (ExecutableMigration migration : plan.repeatable()) {
            AppliedMigration row = history.latestRepeatable(migration.description());
            if (row == null || !java.util.Objects.equals(row.checksum(), migration.checksum())) {
                MigrationInfo pending = pending(migration);
                repeatable.put(migration.description(),
                        failedNow(migration, lastFailure) ? pending.withState(MigrationState.FAILED) : pending);
            }
        }
        List<MigrationInfo> migrations = new ArrayList<>(versioned.values());
        migrations.addAll(repeatable.values());
        return new MigrationStatus(history.current(), List.copyOf(migrations));
    }

    private static boolean failedNow(ExecutableMigration migration, @Nullable MigrationFailedException lastFailure) {
        return lastFailure != null && java.util.Objects.equals(lastFailure.getVersion(), migration.version())
                && lastFailure.getDescription().equals(migration.description());
    }

    static MigrationInfo pending(ExecutableMigration migration) {
        return new MigrationInfo(migration.version(), migration.description(), migration.type(), migration.script(),
                MigrationState.PENDING, migration.checksum(), null, null, null, migration.reversible());
    }

    static MigrationInfo applied(ExecutableMigration migration, AppliedMigration row) {
        return new MigrationInfo(migration.version(), migration.description(), migration.type(), migration.script(),
                MigrationState.APPLIED, migration.checksum(), row.installedOn(), row.installedBy(),
                row.executionTime(), migration.reversible()).withAdditive(row.additive());
    }

    private static MigrationInfo info(@Nullable ExecutableMigration migration, AppliedMigration row,
            MigrationState state) {
        // A baseline at the version of a known migration is not that migration: it shows its own description, as
        // it shows its own type and script.
        return new MigrationInfo(row.version(), (migration != null && !row.marker()) ? migration.description()
                : String.valueOf(row.description()), String.valueOf(row.type()), row.script(), state, row.checksum(),
                row.installedOn(), row.installedBy(), row.executionTime(),
                migration != null && migration.reversible() && !row.marker()).withAdditive(row.additive());
    }

}
