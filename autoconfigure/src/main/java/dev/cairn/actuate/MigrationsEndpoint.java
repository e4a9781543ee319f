package dev.cairn.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.BackgroundMigrationInfo;
import dev.cairn.BackgroundMigrationRunner;
import dev.cairn.BackgroundMigrationState;
import dev.cairn.BackupInfo;
import dev.cairn.MigrationException;
import dev.cairn.MigrationInfo;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationState;
import dev.cairn.MigrationStatus;
import dev.cairn.SchemaSignature;
import dev.cairn.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/migrations}: every migration with its state, the background migrations with their progress, one
 * migration by version, and, where the endpoint's access is unrestricted, repair of FAILED migrations and pause,
 * resume and retry of background migrations.
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

    private final MigrationRunner runner;

    private final @Nullable BackgroundMigrationRunner background;

    public MigrationsEndpoint(MigrationRunner runner) {
        this(runner, null);
    }

    /**
     * An endpoint that also reports background migrations.
     * @param runner the runner
     * @param background the runner of background migrations, or {@code null}
     */
    public MigrationsEndpoint(MigrationRunner runner, @Nullable BackgroundMigrationRunner background) {
        this.runner = runner;
        this.background = background;
    }

    @ReadOperation
    public MigrationsDescriptor migrations() {
        MigrationStatus status = this.runner.status();
        List<BackgroundDescriptor> background = (this.background != null)
                ? this.background.status().stream().map(BackgroundDescriptor::of).toList() : List.of();
        return new MigrationsDescriptor(text(status.currentVersion()),
                status.migrations().stream().map(MigrationDescriptor::of).toList(), background,
                backups(), schema());
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

    /**
     * Pauses, resumes or retries a background migration:
     * {@code POST /actuator/migrations/background/{id}/pause}, {@code .../resume} or {@code .../retry}.
     * @param section {@code background}
     * @param id the background migration's id
     * @param action {@code pause}, {@code resume} or {@code retry}
     * @return the migration's state afterwards, or {@code null} (404) when there is no such migration or action
     * @throws InvalidEndpointRequestException (400) when the migration's state does not allow the action
     */
    @WriteOperation
    public @Nullable BackgroundDescriptor background(@Selector String section, @Selector String id,
            @Selector String action) {
        BackgroundMigrationRunner background = this.background;
        if (background == null || !"background".equals(section)) {
            return null;
        }
        BackgroundMigrationInfo info;
        try {
            info = switch (action) {
                case "pause" -> background.pause(id);
                case "resume" -> background.resume(id);
                case "retry" -> background.retry(id);
                default -> null;
            };
        }
        catch (MigrationException ex) {
            // Not in a state that allows the action: the request is wrong, not the server (400 with the reason).
            throw new InvalidEndpointRequestException(ex.getMessage() + ". " + ex.getAction(), ex.getMessage());
        }
        return (info != null) ? BackgroundDescriptor.of(info) : null;
    }

    private List<BackupDescriptor> backups() {
        try {
            return this.runner.backups().stream().map(BackupDescriptor::of).toList();
        }
        catch (RuntimeException ex) {
            // The migrations are what the endpoint is for: backups that cannot be listed are left out.
            return List.of();
        }
    }

    /**
     * The schema signature, compared with the live schema; left out where there is none, or it cannot be read.
     */
    private @Nullable SchemaDescriptor schema() {
        try {
            SchemaSignature signature = this.runner.schemaSignature();
            return (signature != null) ? new SchemaDescriptor(signature.hash(), signature.recordedOn(),
                    signature.version(), signature.drift()) : null;
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private static @Nullable String text(@Nullable Version version) {
        return (version != null) ? version.toString() : null;
    }

    /**
     * Every migration: versioned ones in version order, then repeatable ones.
     *
     * @param currentVersion the highest applied version, {@code null} on an empty database
     * @param migrations the migrations
     * @param background the background migrations
     * @param backups the backups kept
     * @param schema the schema signature and any drift from it, or {@code null}
     */
    public record MigrationsDescriptor(@Nullable String currentVersion, List<MigrationDescriptor> migrations,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<BackgroundDescriptor> background,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<BackupDescriptor> backups,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable SchemaDescriptor schema)
            implements OperationResponseBody {

        /**
         * Every migration, the background migrations and backups, and no schema signature.
         * @param currentVersion the highest applied version, {@code null} on an empty database
         * @param migrations the migrations
         * @param background the background migrations
         * @param backups the backups kept
         */
        public MigrationsDescriptor(@Nullable String currentVersion, List<MigrationDescriptor> migrations,
                List<BackgroundDescriptor> background, List<BackupDescriptor> backups) {
            this(currentVersion, migrations, background, backups, null);
        }

        /**
         * Every migration, and no background migrations or backups.
         * @param currentVersion the highest applied version, {@code null} on an empty database
         * @param migrations the migrations
         */
        public MigrationsDescriptor(@Nullable String currentVersion, List<MigrationDescriptor> migrations) {
            this(currentVersion, migrations, List.of(), List.of(), null);
        }

    }

    /**
     * The schema signature recorded after Cairn's last run, and each object of the live schema that differs from it
     * ({@code cairn.drift}).
     *
     * @param signature the 64-bit checksum of the recorded snapshot of the schema, in hexadecimal
     * @param recordedOn when it was recorded (UTC)
     * @param version the version it was recorded at
     * @param drift each object that differs, such as {@code column todos.priority: type INTEGER, recorded TEXT}
     */
    public record SchemaDescriptor(String signature, Instant recordedOn, @Nullable String version,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> drift) implements OperationResponseBody {

    }

    /**
     * One backup taken before a migration that destroys data.
     *
     * @param id the id, to restore it by ({@code MigrationRunner.restore(id)})
     * @param version the version of the migration it was taken before
     * @param description that migration's description
     * @param createdAt when it was taken (UTC)
     * @param tables the tables it holds copies of
     * @param file the database file it is (SQLite)
     * @param restoredAt when it was last restored
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record BackupDescriptor(String id, @Nullable String version, String description, Instant createdAt,
            List<String> tables, @Nullable String file, @Nullable Instant restoredAt) implements OperationResponseBody {

        static BackupDescriptor of(BackupInfo backup) {
            return new BackupDescriptor(backup.id(), backup.version(), backup.description(), backup.createdAt(),
                    backup.tables(), backup.file(), backup.restoredAt());
        }

    }

    /**
     * One background migration.
     *
     * @param id the id
     * @param description the description
     * @param state the state
     * @param percent how far it is, where its rows were estimated
     * @param rowsDone the rows processed
     * @param rowsEstimate the rows estimated in all
     * @param rowsPerSecond the rate so far
     * @param secondsLeft the time left at that rate
     * @param cursor where the next batch starts
     * @param batchSize the next batch's size
     * @param batches the batches committed
     * @param attempts the failed attempts of the current batch
     * @param lastError the last error
     * @param holder the instance that runs it, or ran it last
     * @param startedAt when it started (UTC)
     * @param updatedAt when its last batch committed (UTC)
     * @param finishedAt when it finished (UTC)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BackgroundDescriptor(String id, String description, BackgroundMigrationState state,
            @Nullable Integer percent, long rowsDone, @Nullable Long rowsEstimate, @Nullable Long rowsPerSecond,
            @Nullable Long secondsLeft, @Nullable String cursor, int batchSize, long batches, int attempts,
            @Nullable String lastError, @Nullable String holder, @Nullable Instant startedAt,
            @Nullable Instant updatedAt, @Nullable Instant finishedAt) implements OperationResponseBody {

        static BackgroundDescriptor of(BackgroundMigrationInfo info) {
            Duration left = info.timeLeft();
            return new BackgroundDescriptor(info.id(), info.description(), info.state(), info.percent(),
                    info.rowsDone(), info.rowsEstimate(), info.rowsPerSecond(),
                    (left != null) ? left.toSeconds() : null, info.cursor(), info.batchSize(), info.batches(),
                    info.attempts(), info.lastError(), info.holder(), info.startedAt(), info.updatedAt(),
                    info.finishedAt());
        }

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
     * @param additive whether it only added to the schema, where the history records it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MigrationDescriptor(@Nullable String version, String description, String type,
            @Nullable String script, MigrationState state,
            @Nullable Instant installedOn, @Nullable String installedBy, @Nullable Long executionTimeMs,
            @Nullable Integer checksum, boolean reversible, @Nullable Boolean additive)
            implements OperationResponseBody {

        static MigrationDescriptor of(MigrationInfo info) {
            return new MigrationDescriptor(text(info.version()), info.description(), info.type(), info.script(),
                    info.state(),
                    info.installedOn(), info.installedBy(), info.executionTimeMs(), info.checksum(),
                    info.reversible(), info.additive());
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
