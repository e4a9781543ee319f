package dev.cairn;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One migration as the runner sees it: from the application, from the history table, or both.
 *
 * @param version the version
 * @param description the description, from the application when it knows the migration
 * @param type the kind of migration, {@code JAVA} for beans
 * @param state where the migration stands
 * @param checksum the checksum, when the migration declares one
 * @param installedOn when it was applied (UTC), {@code null} unless recorded
 * @param installedBy who applied it, {@code null} unless recorded
 * @param executionTimeMs how long {@code up} took, {@code null} unless recorded
 * @param reversible whether the application knows how to revert it
 */
public record MigrationInfo(long version, String description, String type, MigrationState state,
        @Nullable Integer checksum, @Nullable Instant installedOn, @Nullable String installedBy,
        @Nullable Long executionTimeMs, boolean reversible) {

}
