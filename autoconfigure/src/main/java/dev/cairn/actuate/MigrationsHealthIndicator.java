package dev.cairn.actuate;

import java.util.List;

import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationInfo;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationState;
import dev.cairn.MigrationStatus;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the schema: UP when nothing is pending or failed, OUT_OF_SERVICE while migrating or with migrations
 * pending, DOWN after a failure.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

    private final MigrationRunner runner;

    public MigrationsHealthIndicator(MigrationRunner runner) {
        super("Migrations health check failed");
        this.runner = runner;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MigrationStatus status = this.runner.status();
        Long target = this.runner.getSettings().target();
        long pending = status.inState(MigrationState.PENDING)
            .stream()
            .filter((migration) -> target == null || migration.version() <= target)
            .count();
        List<Long> failed = status.inState(MigrationState.FAILED).stream().map(MigrationInfo::version).toList();
        MigrationFailedException lastFailure = this.runner.getLastFailure();
        if (!failed.isEmpty() || lastFailure != null) {
            builder.down();
        }
        else if (this.runner.isRunning()) {
            builder.outOfService().withDetail("migrating", true);
        }
        else if (pending > 0) {
            builder.outOfService();
        }
        else {
            builder.up();
        }
        if (status.currentVersion() != null) {
            builder.withDetail("currentVersion", status.currentVersion());
        }
        builder.withDetail("pending", pending);
        if (!failed.isEmpty()) {
            builder.withDetail("failed", failed);
        }
        if (lastFailure != null) {
            builder.withDetail("error", lastFailure.getMessage());
        }
    }

}
