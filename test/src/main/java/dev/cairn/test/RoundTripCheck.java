package dev.cairn.test;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.MigrationInfo;
import dev.cairn.Version;
import dev.cairn.core.schema.SchemaSnapshot;

/**
 * Takes one database up a version at a time and each reversible migration down and up again, comparing the schema
 * after its down with the one before its up, and after its second up with the first.
 */
final class RoundTripCheck {

    private RoundTripCheck() {
    }

    static List<String> failures(Migrator migrator, TestDatabaseFactory databases) {
        List<String> failures = new ArrayList<>();
        try (TestDatabase database = databases.create()) {
            List<MigrationInfo> migrations = migrator.versioned(database);
            Version previous = Version.of(0);
            SchemaSnapshot before = migrator.snapshot(database);
            for (MigrationInfo migration : migrations) {
                Version version = Migrator.versionOf(migration);
                String name = "migration " + version + " \"" + migration.description() + "\"";
                migrator.migrate(database, version, "to version " + version);
                migrator.insertData(database, version);
                SchemaSnapshot after = migrator.snapshot(database);
                if (migration.reversible()) {
                    revert(migrator, database, previous, name);
                    List<String> down = Migrator.differences(migrator.snapshot(database), before,
                            "before its up()", "left behind by its down()", "missing after its down()");
                    if (!down.isEmpty()) {
                        failures.add(Migrator.report("The down() of " + name + " leaves a schema other than the one"
                                + " its up() found:", down, "Make its down() undo everything its up() does, and"
                                        + " nothing more. The migrations after it were not checked."));
                        break;
                    }
                    migrator.migrate(database, version, "to version " + version + " again after its down()");
                    List<String> again = Migrator.differences(migrator.snapshot(database), after, "the first time",
                            "only the second time", "missing the second time");
                    if (!again.isEmpty()) {
                        failures.add(Migrator.report("Applying " + name + " again after its down() gives another"
                                + " schema than the first time:", again,
                                "Make its down() return the database to what its up() found."));
                    }
                }
                previous = version;
                before = after;
            }
        }
        return failures;
    }

    private static void revert(Migrator migrator, TestDatabase database, Version to, String name) {
        try {
            migrator.runner(database, null).rollbackTo(to);
        }
        catch (RuntimeException ex) {
            throw new AssertionError("Reverting " + name + " on " + database + " failed: " + ex.getMessage(), ex);
        }
    }

}
