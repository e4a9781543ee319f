package dev.cairn.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationInfo;
import dev.cairn.MigrationListener;
import dev.cairn.ResolvedMigration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer metrics of the migrations: counters {@code cairn.migrations.applied} and {@code cairn.migrations.failed}
 * by type, and each migration an {@link Observation} named {@code cairn.migration} (type, outcome, version), which
 * gives a timer of that name and, with tracing, a span per migration. Without an {@link ObservationRegistry} the timer
 * is recorded directly.
 */
class MigrationObservations implements MigrationListener {

    static final String NAME = "cairn.migration";

    private final MeterRegistry meters;

    private final @Nullable ObservationRegistry observations;

    private final Map<ResolvedMigration, Observation> running = new ConcurrentHashMap<>();

    MigrationObservations(MeterRegistry meters, @Nullable ObservationRegistry observations) {
        this.meters = meters;
        this.observations = observations;
    }

    @Override
    public void migrationStarting(ResolvedMigration migration) {
        if (this.observations != null) {
            Observation observation = Observation.createNotStarted(NAME, this.observations)
                .contextualName("migrate " + name(migration))
                .lowCardinalityKeyValue("type", migration.type())
                .highCardinalityKeyValue("version", name(migration))
                .highCardinalityKeyValue("origin", migration.origin());
            this.running.put(migration, observation.start());
        }
    }

    @Override
    public void migrationApplied(ResolvedMigration migration, MigrationInfo applied) {
        Counter.builder("cairn.migrations.applied")
            .description("Migrations applied")
            .tag("type", migration.type())
            .register(this.meters)
            .increment();
        stop(migration, "success", null, (applied.executionTimeMs() != null) ? applied.executionTimeMs() : 0);
    }

    @Override
    public void migrationFailed(ResolvedMigration migration, MigrationFailedException failure, long executionTimeMs) {
        Counter.builder("cairn.migrations.failed")
            .description("Migrations that failed")
            .tag("type", migration.type())
            .register(this.meters)
            .increment();
        stop(migration, "failure", failure, executionTimeMs);
    }

    private void stop(ResolvedMigration migration, String outcome, @Nullable Throwable error, long executionTimeMs) {
        Observation observation = this.running.remove(migration);
        if (observation != null) {
            if (error != null) {
                observation.error(error);
            }
            observation.lowCardinalityKeyValue("outcome", outcome).stop();
        }
        else {
            Timer.builder(NAME)
                .description("Time to apply a migration")
                .tag("type", migration.type())
                .tag("outcome", outcome)
                .register(this.meters)
                .record(java.time.Duration.ofMillis(executionTimeMs));
        }
    }

    private static String name(ResolvedMigration migration) {
        return (migration.version() != null) ? migration.version().toString() : migration.description();
    }

}
