package dev.cairn;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one call of {@link MigrationRunner#rollbackTo(Version)} did.
 *
 * @param initialVersion the highest applied version before the call
 * @param currentVersion the highest applied version after the call
 * @param reverted the migrations whose {@code down} ran, newest first
 * @param duration how long the call took
 */
public record RollbackResult(@Nullable Version initialVersion, @Nullable Version currentVersion,
        List<MigrationInfo> reverted, Duration duration) {

}
