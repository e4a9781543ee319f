package dev.cairn.core;

import java.time.Instant;

import dev.cairn.Version;
import org.jspecify.annotations.Nullable;

/**
 * One row of the history table. Rows read to plan a migrate leave out who applied them, when and from where; those
 * are {@code null}.
 *
 * @param installedRank the order in which rows were written
 * @param version the version, {@code null} for a repeatable migration
 * @param description the description at the time it was applied
 * @param type the type, such as {@code JAVA}, {@code SQL} or {@code BASELINE}
 * @param script an SQL script's path relative to its location, {@code null} for a bean
 * @param checksum the checksum, when the migration has one
 * @param installedOn when it was applied, or began to be (UTC): in a row read back, the database clock's time
 * where the dialect has {@linkplain dev.cairn.dialect.Dialect#currentTimestamp() one}
 * @param installedBy the database user that applied it
 * @param executionTime how long it took in milliseconds, {@code null} while it runs or when it was interrupted
 * @param success {@code false} when it failed, or has not finished, and may have left changes behind
 * @param installedFrom the host and process that applied it
 * @param additive whether the migration only added to the schema, {@code null} where unknown: a row written before
 * Cairn recorded it, or imported from Flyway
 * @param breakingReason why the migration broke older versions on purpose, where it declared it
 */
public record AppliedMigration(int installedRank, @Nullable Version version, @Nullable String description,
        @Nullable String type, @Nullable String script, @Nullable Integer checksum, @Nullable Instant installedOn,
        @Nullable String installedBy, @Nullable Long executionTime, boolean success,
        @Nullable String installedFrom, @Nullable Boolean additive, @Nullable String breakingReason) {

    /**
     * A row whose additivity is unknown: imported from Flyway, or of an older layout.
     * @param installedRank the order in which rows were written
     * @param version the version
     * @param description the description
     * @param type the type
     * @param script the script
     * @param checksum the checksum
     * @param installedOn when it was applied
     * @param installedBy who applied it
     * @param executionTime how long it took
     * @param success whether it succeeded
     * @param installedFrom the host and process that applied it
     */
    public AppliedMigration(int installedRank, @Nullable Version version, @Nullable String description,
            @Nullable String type, @Nullable String script, @Nullable Integer checksum, @Nullable Instant installedOn,
            @Nullable String installedBy, @Nullable Long executionTime, boolean success,
            @Nullable String installedFrom) {
        this(installedRank, version, description, type, script, checksum, installedOn, installedBy, executionTime,
                success, installedFrom, null, null);
    }

    /** The type of the row that marks where a baselined database's history begins. */
    public static final String BASELINE = "BASELINE";

    /** The type of the row Flyway writes when it created the schemas it manages. */
    public static final String SCHEMA_CREATION = "SCHEMA_CREATION";

    /**
     * Whether the migration started and never finished: its process died while it ran.
     * @return {@code true} for a row written before the migration ran and never completed
     */
    public boolean interrupted() {
        return !this.success && this.executionTime == null;
    }

    /**
     * Whether the row marks something other than an applied migration: a baseline or a schema creation.
     * @return {@code true} for a marker
     */
    public boolean marker() {
        return BASELINE.equals(this.type) || SCHEMA_CREATION.equals(this.type);
    }

}
