package dev.cairn.autoconfigure;

import java.util.List;
import java.util.Locale;

import dev.cairn.DryRunResult;
import dev.cairn.DryRunResult.PendingMigration;
import dev.cairn.MigrateResult;
import dev.cairn.MigrationInfo;
import dev.cairn.MigrationState;
import dev.cairn.MigrationStatus;
import dev.cairn.RollbackResult;
import dev.cairn.ValidateResult;
import dev.cairn.Version;
import dev.cairn.autoconfigure.CairnProperties.Mode;
import org.jspecify.annotations.Nullable;

/**
 * The reports the run modes print: a line that says what happened, then the migrations it concerns.
 */
final class RunModeReport {

    private RunModeReport() {
    }

    static String name(Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String migrated(MigrateResult result) {
        if (result.applied().isEmpty()) {
            return "Cairn migrate: nothing to apply, " + upToDate(result.currentVersion()) + "\n";
        }
        return "Cairn migrate: applied " + count(result.applied().size(), "migration") + " in "
                + result.duration().toMillis() + " ms, " + fromTo(result.initialVersion(), result.currentVersion())
                + "\n" + StatusTable.of(result.applied());
    }

    static String validated(ValidateResult result, String table) {
        StringBuilder report = new StringBuilder("Cairn validate: no problems found in ")
            .append(count(result.status().migrations().size(), "migration"))
            .append(" against ").append(table).append(" (").append(result.duration().toMillis())
            .append(" ms); nothing was changed\n");
        if (result.pending().isEmpty()) {
            return report.append("Nothing is pending: ").append(upToDate(result.status().currentVersion()))
                .append('\n')
                .toString();
        }
        String current = current(result.status().currentVersion(), table);
        return report.append(Character.toUpperCase(current.charAt(0))).append(current, 1, current.length())
            .append(". Pending, for the next migrate to apply (not an error):\n")
            .append(StatusTable.of(result.pending()))
            .toString();
    }

    static String info(MigrationStatus status, String table) {
        long pending = status.inState(MigrationState.PENDING).size();
        return "Cairn info: " + current(status.currentVersion(), table) + ", " + pending + " pending\n"
                + StatusTable.of(status.migrations());
    }

    static String repaired(List<MigrationInfo> repaired, String table) {
        if (repaired.isEmpty()) {
            return "Cairn repair: nothing to repair, no migration in " + table + " is FAILED or INTERRUPTED\n";
        }
        return "Cairn repair: removed the " + table + " rows of " + count(repaired.size(), "migration")
                + "; they run again on the next migrate\n" + StatusTable.of(repaired);
    }

    static String rolledBack(RollbackResult result) {
        if (result.reverted().isEmpty()) {
            return "Cairn rollback: nothing to revert, " + ((result.currentVersion() != null)
                    ? "the schema is at version " + result.currentVersion() : "no migration is applied") + "\n";
        }
        return "Cairn rollback: reverted " + count(result.reverted().size(), "migration") + " in "
                + result.duration().toMillis() + " ms, " + fromTo(result.initialVersion(), result.currentVersion())
                + "\n" + StatusTable.of(result.reverted());
    }

    static String dryRun(DryRunResult result) {
        if (result.pending().isEmpty()) {
            return "Cairn dry-run: nothing would be applied, " + upToDate(result.currentVersion()) + "\n";
        }
        StringBuilder report = new StringBuilder("Cairn dry-run: migrate would apply ")
            .append(count(result.pending().size(), "migration")).append(", ")
            .append(fromTo(result.currentVersion(), result.resultingVersion()))
            .append("; nothing was changed\n");
        for (PendingMigration migration : result.pending()) {
            report.append("\n-- ")
                .append((migration.version() != null) ? "Migration " + migration.version() : "Repeatable migration")
                .append(" \"").append(migration.description()).append("\" (").append(migration.type())
                .append(", ").append(migration.origin()).append("), ")
                .append(migration.transactional() ? "in a transaction" : "without a transaction").append('\n');
            List<DryRunResult.Statement> statements = migration.statements();
            if (statements == null) {
                report.append("-- Java code: what it runs is known only when it runs\n");
                continue;
            }
            if (statements.isEmpty()) {
                report.append("-- no statements\n");
            }
            for (DryRunResult.Statement statement : statements) {
                report.append("-- line ").append(statement.line()).append('\n').append(statement.sql())
                    .append(";\n");
            }
        }
        return report.toString();
    }

    /**
     * A failure, laid out as Spring Boot lays out a failure analysis: what went wrong and what to do.
     */
    static String failure(Mode mode, @Nullable String description, String action) {
        String banner = "*".repeat(27);
        return "\n" + banner + "\nCAIRN " + name(mode).toUpperCase(Locale.ROOT) + " FAILED\n" + banner
                + "\n\nDescription:\n\n" + description + "\n\nAction:\n\n" + action + "\n\n";
    }

    static String describe(Throwable failure) {
        StringBuilder description = new StringBuilder(String.valueOf(failure.getMessage()));
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failure) {
            description.append("\nCaused by ").append(root.getClass().getSimpleName()).append(": ")
                .append(root.getMessage());
        }
        return description.toString();
    }

    private static String upToDate(@Nullable Version current) {
        return (current != null) ? "the schema is up to date at version " + current
                : "there are no migrations to apply";
    }

    private static String fromTo(@Nullable Version from, @Nullable Version to) {
        return ((from != null) ? "from version " + from : "from an empty schema") + " to "
                + ((to != null) ? "version " + to : "an empty schema");
    }

    private static String current(@Nullable Version version, String table) {
        return (version != null) ? "current version " + version + " (" + table + ")"
                : "no migration applied yet (" + table + ")";
    }

    private static String count(int count, String noun) {
        return count + " " + noun + ((count == 1) ? "" : "s");
    }

}
