package dev.cairn.autoconfigure;

import dev.cairn.MigrationRunner;
import dev.cairn.MigrationState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The gauge {@code cairn.migrations.pending}: how many migrations are pending, read from the runner's
 * {@linkplain MigrationRunner#lastStatus() last status}, so a scrape costs no query between runs.
 */
class PendingMigrationsGauge implements MeterBinder {

    private final MigrationRunner runner;

    PendingMigrationsGauge(MigrationRunner runner) {
        this.runner = runner;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("cairn.migrations.pending", this, PendingMigrationsGauge::pending)
            .description("Migrations waiting to be applied (state PENDING)")
            .register(registry);
    }

    private double pending() {
        try {
            return this.runner.lastStatus().inState(MigrationState.PENDING).size();
        }
        catch (RuntimeException ex) {
            return Double.NaN;
        }
    }

}
