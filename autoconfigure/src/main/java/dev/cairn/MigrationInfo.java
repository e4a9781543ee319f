package dev.cairn;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One migration as the runner sees it: from the application, from the history table, or both.
 */
public final class MigrationInfo {

    private final @Nullable Version version;

    private final String description;

    private final String type;

    private final @Nullable String script;

    private final MigrationState state;

    private final @Nullable Integer checksum;

    private final @Nullable Instant installedOn;

    private final @Nullable String installedBy;

    private final @Nullable Long executionTimeMs;

    private final boolean reversible;

    private @Nullable Boolean additive;

    MigrationInfo(@Nullable Version version, String description, String type, @Nullable String script,
            MigrationState state, @Nullable Integer checksum, @Nullable Instant installedOn,
            @Nullable String installedBy, @Nullable Long executionTimeMs, boolean reversible) {
        this.version = version;
        this.description = description;
        this.type = type;
        this.script = script;
        this.state = state;
        this.checksum = checksum;
        this.installedOn = installedOn;
        this.installedBy = installedBy;
        this.executionTimeMs = executionTimeMs;
        this.reversible = reversible;
    }

    /**
     * The version, {@code null} for a repeatable migration.
     * @return the version
     */
    public @Nullable Version version() {
        return this.version;
    }

    /**
     * The description, from the application when it knows the migration.
     * @return the description
     */
    public String description() {
        return this.description;
    }

    /**
     * The kind of migration: {@code JAVA}, {@code SQL}, {@code BASELINE}, or a type imported from Flyway.
     * @return the type
     */
    public String type() {
        return this.type;
    }

    /**
     * An SQL script's path relative to its location, {@code null} for a bean.
     * @return the script
     */
    public @Nullable String script() {
        return this.script;
    }

    /**
     * Where the migration stands.
     * @return the state
     */
    public MigrationState state() {
        return this.state;
    }

    /**
     * The checksum, when the migration has one.
     * @return the checksum
     */
    public @Nullable Integer checksum() {
        return this.checksum;
    }

    /**
     * When it was applied, or began to be (UTC), {@code null} unless recorded.
     * @return the time
     */
    public @Nullable Instant installedOn() {
        return this.installedOn;
    }

    /**
     * The database user that applied it, {@code null} unless recorded.
     * @return the user
     */
    public @Nullable String installedBy() {
        return this.installedBy;
    }

    /**
     * How long {@code up} took, {@code null} unless recorded.
     * @return the milliseconds
     */
    public @Nullable Long executionTimeMs() {
        return this.executionTimeMs;
    }

    /**
     * Whether the application knows how to revert it.
     * @return {@code true} when it can be rolled back
     */
    public boolean reversible() {
        return this.reversible;
    }

    /**
     * Whether the migration only added to the schema, as its history row records it (see {@code cairn.policy}).
     * @return {@code null} where unknown: not applied yet, applied before Cairn recorded it, or imported from Flyway
     */
    public @Nullable Boolean additive() {
        return this.additive;
    }

    MigrationInfo withState(MigrationState state) {
        return new MigrationInfo(this.version, this.description, this.type, this.script, state, this.checksum,
                this.installedOn, this.installedBy, this.executionTimeMs, this.reversible).withAdditive(this.additive);
    }

    MigrationInfo withAdditive(@Nullable Boolean additive) {
        this.additive = additive;
        return this;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return this == other || (other instanceof MigrationInfo info && Objects.equals(this.version, info.version)
                && this.description.equals(info.description) && this.type.equals(info.type)
                && Objects.equals(this.script, info.script) && this.state == info.state
                && Objects.equals(this.checksum, info.checksum) && Objects.equals(this.installedOn, info.installedOn)
                && Objects.equals(this.installedBy, info.installedBy)
                && Objects.equals(this.executionTimeMs, info.executionTimeMs) && this.reversible == info.reversible
                && Objects.equals(this.additive, info.additive));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.version, this.description, this.type, this.script, this.state, this.checksum,
                this.installedOn);
    }

    @Override
    public String toString() {
        return ((this.version != null) ? this.version : "R") + " \"" + this.description + "\" " + this.type + " "
                + this.state;
    }

}
