package dev.cairn.core;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the history table. Rows read to plan a migrate carry only version, checksum, success and, for a
 * failed one, the description; the others are {@code null}.
 *
 * @param version the version
 * @param description the description at the time it was applied
 * @param type the type, such as {@code JAVA}
 * @param checksum the checksum, when the migration declared one
 * @param installedOn when it was applied (UTC): in a row read back, the database clock's time where the dialect
 * has {@linkplain dev.cairn.dialect.Dialect#currentTimestamp() one}; in a row just written, the application's clock
 * as the migration began
 * @param installedBy the database user that applied it
 * @param executionTime how long it took, in milliseconds
 * @param success {@code false} when it failed and may have left changes behind
 */
public record AppliedMigration(long version, @Nullable String description, @Nullable String type, @Nullable Integer checksum,
        @Nullable Instant installedOn, @Nullable String installedBy, @Nullable Long executionTime,
        boolean success) {

}
