package dev.cairn.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.cairn.MigrationException;
import dev.cairn.Version;
import dev.cairn.core.source.ExecutableMigration;
import org.jspecify.annotations.Nullable;

/**
 * The history table's rows as the plan sees them: what is applied by version, the latest application of each
 * repeatable migration, the baseline and the current version.
 */
public final class AppliedHistory {

    // A class rather than Comparator.comparing: a start links no call site it need not.
    private static final Comparator<AppliedMigration> BY_VERSION = new Comparator<>() {
        @Override
        public int compare(AppliedMigration a, AppliedMigration b) {
            return Objects.requireNonNull(a.version()).compareTo(Objects.requireNonNull(b.version()));
        }
    };

    private final List<AppliedMigration> rows;

    private final Map<Version, AppliedMigration> byVersion;

    private final Map<String, AppliedMigration> latestRepeatable;

    private final @Nullable Version current;

    private final @Nullable Version baseline;

    private final @Nullable AppliedMigration unfinished;

    public AppliedHistory(List<AppliedMigration> rows) {
        this.rows = rows;
        this.byVersion = new HashMap<>(rows.size() * 2);
        this.latestRepeatable = new HashMap<>();
        Version current = null;
        Version baseline = null;
        AppliedMigration unfinished = null;
        for (AppliedMigration row : rows) {
            if (!row.success()) {
                unfinished = (unfinished != null) ? unfinished : row;
                continue;
            }
            if (row.version() == null) {
                this.latestRepeatable.put(row.description(), row);
                continue;
            }
            if (AppliedMigration.BASELINE.equals(row.type())) {
                baseline = max(baseline, row.version());
            }
            if (!AppliedMigration.SCHEMA_CREATION.equals(row.type())) {
                this.byVersion.put(row.version(), row);
                current = max(current, row.version());
            }
        }
        this.current = current;
        this.baseline = baseline;
        this.unfinished = unfinished;
    }

    private static Version max(@Nullable Version a, Version b) {
        return (a == null || b.compareTo(a) > 0) ? b : a;
    }

    public List<AppliedMigration> rows() {
        return this.rows;
    }

    /**
     * The highest applied version, counting a baseline.
     * @return the version, or {@code null}
     */
    public @Nullable Version current() {
        return this.current;
    }

    /**
     * The versions applied successfully above the highest one the application knows: migrations of a newer version
     * of it, in version order.
     * @param latestKnown the application's highest migration version, {@code null} when it has none
     * @return the versions, empty when the application is not behind the schema
     */
    public List<Version> future(@Nullable Version latestKnown) {
        return futureRows(latestKnown).stream().map(AppliedMigration::version).toList();
    }

    /**
     * The rows of the migrations applied successfully above the highest version the application knows, in version
     * order.
     * @param latestKnown the application's highest migration version, {@code null} when it has none
     * @return the rows, empty when the application is not behind the schema
     */
    public List<AppliedMigration> futureRows(@Nullable Version latestKnown) {
        List<AppliedMigration> future = new ArrayList<>();
        for (AppliedMigration row : this.rows) {
            Version version = row.version();
            if (row.success() && !row.marker() && version != null
                    && (latestKnown == null || version.compareTo(latestKnown) > 0)) {
                future.add(row);
            }
        }
        if (future.size() > 1) {
            future.sort(BY_VERSION);
        }
        return future;
    }

    /**
     * Whether the database has applied a migration, or adopted a schema by a baseline: its schema is released, and
     * older versions of the application may be using it.
     * @return {@code true} when a row records a successful migration or a baseline
     */
    public boolean released() {
        return this.current != null || !this.latestRepeatable.isEmpty();
    }

    public @Nullable Version baseline() {
        return this.baseline;
    }

    public @Nullable AppliedMigration applied(Version version) {
        return this.byVersion.get(version);
    }

    /**
     * The first row of a migration that failed or never finished, which blocks every run until it is repaired.
     * @return the row, or {@code null}
     */
    public @Nullable AppliedMigration unfinished() {
        return this.unfinished;
    }

    /**
     * The latest successful application of a repeatable migration.
     * @param description its description
     * @return the row, or {@code null}
     */
    public @Nullable AppliedMigration latestRepeatable(String description) {
        return this.latestRepeatable.get(description);
    }

    /**
     * Whether a migration at or below the baseline is taken to be part of the adopted schema.
     * @param version the version
     * @return {@code true} below the baseline
     */
    public boolean belowBaseline(Version version) {
        return this.baseline != null && version.compareTo(this.baseline) <= 0;
    }

    /**
     * The migrations to apply, after checking that the history table agrees with the application: versioned ones in
     * version order up to the target, then repeatable ones whose checksum changed, in description order.
     * @param plan the application's migrations
     * @param target the highest version to apply, {@code null} for all
     * @param outOfOrder whether pending migrations below the current version are applied
     * @param table the history table's name, for messages
     * @return the migrations to apply
     * @throws MigrationException when a migration failed earlier or never finished, was changed after it was
     * applied, or is pending below the current version
     */
    public List<ExecutableMigration> pending(MigrationPlan plan, @Nullable Version target, boolean outOfOrder,
            String table) {
        if (this.unfinished != null) {
            throw Unfinished.refusal(this.unfinished, plan, table);
        }
        List<ExecutableMigration> pending = new ArrayList<>();
        for (ExecutableMigration migration : plan.versioned()) {
            AppliedMigration row = this.byVersion.get(migration.version());
            if (row != null) {
                if (!row.marker()) {
                    checkUnchanged(migration, row, table);
                }
            }
            else if ((target == null || migration.version().compareTo(target) <= 0)
                    && !belowBaseline(migration.version())) {
                if (this.current != null && migration.version().compareTo(this.current) < 0 && !outOfOrder) {
                    throw new MigrationException("Pending " + migration.displayName() + " is below the current"
                            + " version " + this.current + "; applying it now would run it out of order",
                            "Give the migration a version above " + this.current
                                    + ", or set cairn.out-of-order=true to apply it anyway.");
                }
                pending.add(migration);
            }
        }
        for (ExecutableMigration migration : plan.repeatable()) {
            AppliedMigration row = this.latestRepeatable.get(migration.description());
            if (row == null || !Objects.equals(row.checksum(), migration.checksum())) {
                pending.add(migration);
            }
        }
        return pending;
    }

    private static void checkUnchanged(ExecutableMigration migration, AppliedMigration row, String table) {
        if (migration.checksum() != null && row.checksum() != null
                && !Objects.equals(migration.checksum(), row.checksum())) {
            throw new MigrationException("Applied " + migration.displayName() + " was changed: its checksum is "
                    + migration.checksum() + " but " + table + " recorded " + row.checksum(),
                    "Revert the change to " + migration.origin()
                            + " and write a new migration for it instead; applied migrations must not be edited.");
        }
    }

}
