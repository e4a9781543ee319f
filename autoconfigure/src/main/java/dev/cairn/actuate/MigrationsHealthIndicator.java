package dev.cairn.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.BackgroundMigrationInfo;
import dev.cairn.BackgroundMigrationRunner;
import dev.cairn.BackgroundMigrationState;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationInfo;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationState;
import dev.cairn.MigrationStatus;
import dev.cairn.Version;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the schema: DOWN after a failure or with a FAILED or INTERRUPTED migration; OUT_OF_SERVICE while
 * migrating, or with migrations pending that this instance is going to apply (it migrates on start and has not yet);
 * UP otherwise, pending migrations it will not apply (cairn.enabled=false, above cairn.target) shown in the details.
 * It reads the runner's {@linkplain MigrationRunner#lastStatus() last status}, so a probe costs no query between runs.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

    private final MigrationRunner runner;

    private final boolean migratesOnStart;

    private final @Nullable BackgroundMigrationRunner background;

    /**
     * A health indicator.
     * @param runner the runner
     * @param migratesOnStart whether this instance applies pending migrations when it starts
     */
    public MigrationsHealthIndicator(MigrationRunner runner, boolean migratesOnStart) {
        this(runner, migratesOnStart, null);
    }

    /**
     * A health indicator that also shows the state of background migrations in its details; they do not change the
     * status, as the application works while they run, and a FAILED one waits to be retried.
     * @param runner the runner
     * @param migratesOnStart whether this instance applies pending migrations when it starts
     * @param background the runner of background migrations, or {@code null}
     */
    public MigrationsHealthIndicator(MigrationRunner runner, boolean migratesOnStart,
            @Nullable BackgroundMigrationRunner background) {
        super("Migrations health check failed");
        this.runner = runner;
        this.migratesOnStart = migratesOnStart;
        this.background = background;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MigrationStatus status = this.runner.lastStatus();
        Version target = this.runner.getSettings().target();
        long pending = status.inState(MigrationState.PENDING)
            .stream()
            .filter((migration) -> target == null || migration.version() == null
                    || migration.version().compareTo(target) <= 0)
            .count();
        List<String> failed = new ArrayList<>();
        long interrupted = 0;
        for (MigrationInfo migration : status.migrations()) {
            if (migration.state() == MigrationState.FAILED || migration.state() == MigrationState.INTERRUPTED) {
                failed.add((migration.version() != null) ? migration.version().toString() : migration.description());
                interrupted += (migration.state() == MigrationState.INTERRUPTED) ? 1 : 0;
            }
        }
        MigrationFailedException lastFailure = this.runner.getLastFailure();
        boolean migrating = this.runner.isRunning();
        SchemaState state = SchemaState.decide(failed.size() - interrupted, interrupted, lastFailure != null,
                migrating, pending, this.migratesOnStart && this.runner.getLastResult() == null);
        builder.status(state.health());
        if (state == SchemaState.MIGRATING) {
            builder.withDetail("migrating", true);
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
        if (this.background != null && this.background.hasMigrations()) {
            Map<String, String> background = new LinkedHashMap<>();
            for (BackgroundMigrationInfo migration : this.background.status()) {
                Integer percent = migration.percent();
                background.put(migration.id(), migration.state()
                        + ((percent != null && migration.state() != BackgroundMigrationState.FINISHED)
                                ? " " + percent + "%" : ""));
            }
            builder.withDetail("background", background);
        }
    }

}
