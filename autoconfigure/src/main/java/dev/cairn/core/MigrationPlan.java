package dev.cairn.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.cairn.Migration;
import dev.cairn.MigrationException;
import org.jspecify.annotations.Nullable;

/**
 * The application's migrations, validated as a set and sorted by version. Building it changes nothing, so an
 * invalid set is refused before the database is touched.
 */
public final class MigrationPlan {

    private static final int MAX_DESCRIPTION = 200;

    private final List<PlannedMigration> migrations;

    private final Map<Long, PlannedMigration> byVersion;

    private MigrationPlan(List<PlannedMigration> migrations) {
        this.migrations = migrations;
        this.byVersion = new HashMap<>(migrations.size() * 2);
        for (PlannedMigration migration : migrations) {
            this.byVersion.put(migration.version(), migration);
        }
    }

    /**
     * Validates and sorts the migrations.
     * @param migrations the migration beans by bean name
     * @return the plan
     * @throws MigrationException naming every invalid migration when the set is invalid
     */
    public static MigrationPlan of(Map<String, ? extends Migration> migrations) {
        List<PlannedMigration> planned = new ArrayList<>(migrations.size());
        migrations.forEach((name, migration) -> planned.add(PlannedMigration.of(name, migration)));
        planned.sort((a, b) -> Long.compare(a.version(), b.version()));
        List<String> problems = new ArrayList<>();
        PlannedMigration previous = null;
        for (PlannedMigration migration : planned) {
            if (migration.version() <= 0) {
                problems.add("bean '" + migration.beanName() + "' has version " + migration.version()
                        + "; versions must be positive");
            }
            if (previous != null && previous.version() == migration.version()) {
                problems.add("beans '" + previous.beanName() + "' and '" + migration.beanName()
                        + "' both have version " + migration.version());
            }
            String description = migration.description();
            if (description == null || description.isBlank()) {
                problems.add("bean '" + migration.beanName() + "' (version " + migration.version()
                        + ") has a blank description");
            }
            else if (description.length() > MAX_DESCRIPTION) {
                problems.add("bean '" + migration.beanName() + "' (version " + migration.version()
                        + ") has a description longer than " + MAX_DESCRIPTION + " characters");
            }
            previous = migration;
        }
        if (!problems.isEmpty()) {
            throw new MigrationException("Invalid migrations, nothing was changed: " + String.join("; ", problems),
                    "Give every Migration bean a unique, positive version() and a non-blank description() of at"
                            + " most " + MAX_DESCRIPTION + " characters.");
        }
        return new MigrationPlan(Collections.unmodifiableList(planned));
    }

    public List<PlannedMigration> migrations() {
        return this.migrations;
    }

    public @Nullable PlannedMigration find(long version) {
        return this.byVersion.get(version);
    }

    public long latestVersion() {
        return this.migrations.isEmpty() ? 0 : this.migrations.get(this.migrations.size() - 1).version();
    }

    /**
     * The migrations to apply, after checking that the history table agrees with the application.
     * @param history the history table's rows, in version order
     * @param target the highest version to apply, {@code null} for all
     * @param outOfOrder whether pending migrations below the current version are applied
     * @param table the history table's name, for messages
     * @return the pending migrations up to the target, in version order
     * @throws MigrationException when a migration failed earlier, was changed after it was applied, or is
     * pending below the current version
     */
    public List<PlannedMigration> pending(List<AppliedMigration> history, @Nullable Long target, boolean outOfOrder,
            String table) {
        Map<Long, AppliedMigration> applied = new HashMap<>(history.size() * 2);
        long current = 0;
        for (AppliedMigration row : history) {
            if (!row.success()) {
                PlannedMigration known = find(row.version());
                throw new MigrationException("Migration " + row.version() + " \"" + row.description()
                        + "\" failed earlier and may have left changes behind (its row in " + table
                        + " has success = false); nothing runs until it is repaired",
                        "Inspect what migration " + row.version()
                                + ((known != null) ? " (bean '" + known.beanName() + "')" : "")
                                + " changed before it failed and undo it by hand, then call MigrationRunner.repair()"
                                + " or POST /actuator/migrations to remove the FAILED row, and start again.");
            }
            applied.put(row.version(), row);
            current = Math.max(current, row.version());
        }
        List<PlannedMigration> pending = new ArrayList<>();
        for (PlannedMigration migration : this.migrations) {
            AppliedMigration row = applied.get(migration.version());
            if (row != null) {
                checkUnchanged(migration, row, table);
            }
            else if (target == null || migration.version() <= target) {
                if (migration.version() < current && !outOfOrder) {
                    throw new MigrationException("Pending " + migration + " is below the current version "
                            + current + "; applying it now would run it out of order",
                            "Give the migration a version above " + current
                                    + ", or set cairn.out-of-order=true to apply it anyway.");
                }
                pending.add(migration);
            }
        }
        return pending;
    }

    private static void checkUnchanged(PlannedMigration migration, AppliedMigration row, String table) {
        if (migration.checksum() != null && row.checksum() != null
                && !Objects.equals(migration.checksum(), row.checksum())) {
            throw new MigrationException("Applied " + migration + " was changed: its checksum is "
                    + migration.checksum() + " but " + table + " recorded " + row.checksum(),
                    "Revert the change to migration " + migration.version()
                            + " and write a new migration for it instead; applied migrations must not be edited.");
        }
    }

}
