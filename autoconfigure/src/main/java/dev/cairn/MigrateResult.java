package dev.cairn;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one call of {@link MigrationRunner#migrate()} did.
 *
 * @param initialVersion the highest applied version before the call, {@code null} on an empty database
 * @param currentVersion the highest applied version after the call
 * @param applied the migrations this call applied, in order
 * @param duration how long the call took
 */
public record MigrateResult(@Nullable Version initialVersion, @Nullable Version currentVersion,
        List<MigrationInfo> applied, Duration duration) {

}
