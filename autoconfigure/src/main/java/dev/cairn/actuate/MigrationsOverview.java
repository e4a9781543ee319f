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
 */
record MigrationsOverview(MigrationsDescriptor migrations, boolean migrating,
        @Nullable MigrationFailedException lastFailure, @Nullable Version target, Instant takenAt) {

    /**
     * What the endpoint and the runner say now.
     * @param endpoint the endpoint, whose migrations the page shows
     * @param runner the runner, which tells whether it is migrating and how its last migrate failed
     * @param now the time to show as the time of reading
     * @return the overview
     */
    static MigrationsOverview of(MigrationsEndpoint endpoint, MigrationRunner runner, Instant now) {
        return new MigrationsOverview(endpoint.migrations(), runner.isRunning(), runner.getLastFailure(),
                runner.getSettings().target(), now);
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
    Schema schema() {
        if (!failed().isEmpty() || this.lastFailure != null) {
            return Schema.FAILED;
        }
        if (this.migrating) {
            return Schema.MIGRATING;
        }
        return pending().isEmpty() ? Schema.UP : Schema.PENDING;
    }

    private static @Nullable String text(@Nullable Version version) {
        return (version != null) ? version.toString() : null;
    }

    /**
     * Where the schema stands, with the status the {@code migrations} health indicator reports for it.
     */
    enum Schema {

        /** Nothing pending, nothing failed. */
        UP("UP"),

        /** Migrations wait to be applied. */
        PENDING("OUT_OF_SERVICE"),

        /** A migrate or rollback is under way. */
        MIGRATING("OUT_OF_SERVICE"),

        /** A migration failed or was interrupted: nothing runs until it is dealt with. */
        FAILED("DOWN");

        private final String health;

        Schema(String health) {
            this.health = health;
        }

        String health() {
            return this.health;
        }

    }

}
