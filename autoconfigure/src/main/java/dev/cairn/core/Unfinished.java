package dev.cairn.core;

import dev.cairn.MigrationException;
import dev.cairn.core.source.ExecutableMigration;

/**
 * The refusal to run while the history table holds a migration that failed, or started and never finished, and may
 * have left changes behind.
 */
final class Unfinished {

    private Unfinished() {
    }

    static MigrationException refusal(AppliedMigration row, MigrationPlan plan, String table) {
        ExecutableMigration known = (row.version() != null) ? plan.find(row.version())
                : plan.findRepeatable(String.valueOf(row.description()));
        String name = ((row.version() != null) ? "Migration " + row.version() : "Repeatable migration") + " \""
                + row.description() + "\"" + ((known != null) ? " (" + known.origin() + ")" : "");
        String repair = "then remove its row: run the application with --cairn.mode=repair (or call"
                + " MigrationRunner.repair(), or POST /actuator/migrations), and start again.";
        if (row.interrupted()) {
            return new MigrationException(name + " was interrupted: it started"
                    + ((row.installedOn() != null) ? " at " + row.installedOn() : "")
                    + ((row.installedFrom() != null) ? " on " + row.installedFrom() : "")
                    + ((row.installedBy() != null) ? " as " + row.installedBy() : "")
                    + " and never finished, so it may have left changes behind (its row in " + table
                    + " has success = false and no execution_time); nothing runs until it is repaired",
                    "Inspect what it changed before its process stopped and undo it by hand (or finish it by hand),"
                            + " " + repair);
        }
        return new MigrationException(name + " failed earlier and may have left changes behind (its row in " + table
                + " has success = false); nothing runs until it is repaired",
                "Inspect what it changed before it failed and undo it by hand, " + repair);
    }

}
