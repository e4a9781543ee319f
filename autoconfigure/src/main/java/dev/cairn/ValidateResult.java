package dev.cairn;

import java.time.Duration;
import java.util.List;

/**
 * What {@link MigrationRunner#validate()} found when the application's migrations agree with the history table.
 * Pending migrations are not a problem: they are what the next {@link MigrationRunner#migrate()} applies.
 *
 * @param status every known migration with its state, as {@link MigrationRunner#status()} reports it
 * @param pending what {@link MigrationRunner#migrate()} would apply now, up to the target, in the order it would
 * apply them
 * @param duration how long validating took
 */
public record ValidateResult(MigrationStatus status, List<MigrationInfo> pending, Duration duration) {

}
