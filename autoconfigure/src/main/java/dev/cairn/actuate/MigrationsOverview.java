package dev.cairn.actuate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationState;
import dev.cairn.Version;
import dev.cairn.actuate.MigrationsEndpoint.MigrationDescriptor;
import dev.cairn.actuate.MigrationsEndpoint.MigrationsDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * What the migrations page shows at one moment: the endpoint's migrations and what the runner is doing.
 *
 * @param migrations the migrations, as the endpoint reports them
 * @param migrating whether a migrate or rollback is under way
 * @param lastFailure the failure of the last migrate, until a later one succeeds or a repair
 * @param target the highest version to apply, {@code null} for the latest
 * @param takenAt when the migrations were read
 * @param pendingCounts whether this instance is going to apply the pending migrations
 */
record MigrationsOverview(MigrationsDescriptor migrations, boolean migrating,
        @Nullable MigrationFailedException lastFailure, @Nullable Version target, Instant takenAt,
        boolean pendingCounts) {

    MigrationsOverview(MigrationsDescriptor migrations, boolean migrating,
            @Nullable MigrationFailedException lastFailure, @Nullable Version target, Instant takenAt) {
        this(migrations, migrating, lastFailure, target, takenAt, true);
    }

    /**
     * What the endpoint and the runner say now.
     * @param endpoint the endpoint, whose migrations the page shows
     * @param runner the runner, which tells whether it is migrating and how its last migrate failed
     * @param migratesOnStart whether this instance applies pending migrations when it starts
     * @param now the time to show as the time of reading
     * @return the overview
     */
    static MigrationsOverview of(MigrationsEndpoint endpoint, MigrationRunner runner, boolean migratesOnStart,
            Instant now) {
        return new MigrationsOverview(endpoint.migrations(), runner.isRunning(), runner.getLastFailure(),
                runner.getSettings().target(), now, migratesOnStart && runner.getLastResult() == null);
    }

    /**
     * The PENDING migrations that the next migrate applies: those up to the target.
     * @return those migrations, in order
     */
    List<MigrationDescriptor> pending() {
        return this.migrations.migrations().stream().filter(this::pendingUpToTarget).toList();
    }

    /**
     * Whether the migration is PENDING but above {@code cairn.target}, so that no migrate applies it.
     * @param migration the migration
     * @return {@code true} when it waits for a higher target
     */
    boolean aboveTarget(MigrationDescriptor migration) {
        return migration.state() == MigrationState.PENDING && !pendingUpToTarget(migration);
    }

    private boolean pendingUpToTarget(MigrationDescriptor migration) {
        return migration.state() == MigrationState.PENDING && (this.target == null || migration.version() == null
                || Version.parse(migration.version()).compareTo(this.target) <= 0);
    }

    /**
     * The FAILED and INTERRUPTED migrations.
     * @return those migrations, in order
     */
    List<MigrationDescriptor> failed() {
        return this.migrations.migrations()
            .stream()
            .filter((migration) -> migration.state() == MigrationState.FAILED
                    || migration.state() == MigrationState.INTERRUPTED)
            .toList();
    }

    /**
     * How many migrations are in the state.
     * @param state the state
     * @return the count
     */
    long count(MigrationState state) {
        return this.migrations.migrations().stream().filter((migration) -> migration.state() == state).count();
    }

    /**
     * Whether the last failure is this migration's.
     * @param migration the migration
     * @return {@code true} when the last migrate failed in it
     */
    boolean failedLast(MigrationDescriptor migration) {
        return this.lastFailure != null
                && Objects.equals(text(this.lastFailure.getVersion()), migration.version())
                && this.lastFailure.getDescription().equals(migration.description());
    }

    /**
     * Where the schema stands, decided as the {@code migrations} health indicator decides.
     * @return the schema's state
     */
    SchemaState schema() {
        return SchemaState.decide(count(MigrationState.FAILED), count(MigrationState.INTERRUPTED),
                this.lastFailure != null, this.migrating, pending().size(), this.pendingCounts);
    }

    private static @Nullable String text(@Nullable Version version) {
        return (version != null) ? version.toString() : null;
    }

}
