package dev.cairn.actuate;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.MigrationInfo;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationState;
import dev.cairn.MigrationStatus;
import dev.cairn.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/migrations}: every migration with its state, one migration by version, and, where the
 * endpoint's access is unrestricted, repair of FAILED migrations.
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

    private final MigrationRunner runner;

    public MigrationsEndpoint(MigrationRunner runner) {
        this.runner = runner;
    }

    @ReadOperation
    public MigrationsDescriptor migrations() {
        MigrationStatus status = this.runner.status();
        return new MigrationsDescriptor(text(status.currentVersion()),
                status.migrations().stream().map(MigrationDescriptor::of).toList());
    }

    @ReadOperation
    public @Nullable MigrationDescriptor migration(@Selector String version) {
        if (!Version.isVersion(version)) {
            return null;
        }
        Version wanted = Version.parse(version);
        return this.runner.status()
            .migrations()
            .stream()
            .filter((migration) -> wanted.equals(migration.version()))
            .findFirst()
            .map(MigrationDescriptor::of)
            .orElse(null);
    }

    @WriteOperation
    public RepairDescriptor repair() {
        return new RepairDescriptor(this.runner.repair().stream().map(MigrationDescriptor::of).toList());
    }

    private static @Nullable String text(@Nullable Version version) {
        return (version != null) ? version.toString() : null;
    }

    /**
     * Every migration: versioned ones in version order, then repeatable ones.
     *
     * @param currentVersion the highest applied version, {@code null} on an empty database
     * @param migrations the migrations
     */
    public record MigrationsDescriptor(@Nullable String currentVersion,
            List<MigrationDescriptor> migrations) implements OperationResponseBody {

    }

    /**
     * One migration.
     *
     * @param version the version, absent for a repeatable migration
     * @param description the description
     * @param type the type
     * @param script an SQL script's path relative to its location
     * @param state the state
     * @param installedOn when it was applied (UTC)
     * @param installedBy who applied it
     * @param executionTimeMs how long it took
     * @param checksum its checksum
     * @param reversible whether it can be rolled back
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MigrationDescriptor(@Nullable String version, String description, String type,
            @Nullable String script, MigrationState state,
            @Nullable Instant installedOn, @Nullable String installedBy, @Nullable Long executionTimeMs,
            @Nullable Integer checksum, boolean reversible) implements OperationResponseBody {

        static MigrationDescriptor of(MigrationInfo info) {
            return new MigrationDescriptor(text(info.version()), info.description(), info.type(), info.script(),
                    info.state(),
                    info.installedOn(), info.installedBy(), info.executionTimeMs(), info.checksum(),
                    info.reversible());
        }

    }

    /**
     * The FAILED migrations whose history rows a repair removed.
     *
     * @param repaired the migrations, which will run again on the next migrate
     */
    public record RepairDescriptor(List<MigrationDescriptor> repaired) implements OperationResponseBody {

    }

}
