package dev.cairn.actuate;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationInfo;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationState;
import dev.cairn.MigrationStatus;
import dev.cairn.Version;

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
        Version target = this.runner.getSettings().target();
        long pending = status.inState(MigrationState.PENDING)
            .stream()
            .filter((migration) -> target == null || migration.version() == null
                    || migration.version().compareTo(target) <= 0)
            .count();
        List<String> failed = new ArrayList<>();
        for (MigrationInfo migration : status.migrations()) {
            if (migration.state() == MigrationState.FAILED || migration.state() == MigrationState.INTERRUPTED) {
                failed.add((migration.version() != null) ? migration.version().toString() : migration.description());
            }
        }
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
            builder.withDetail("currentVersion", status.currentVersion().toString());
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
