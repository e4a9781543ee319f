package dev.cairn.autoconfigure;

import dev.cairn.MigrationRunner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures Micrometer metrics and observations of the migrations when Micrometer is present.
 */
@AutoConfiguration(after = CairnAutoConfiguration.class,
        afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MigrationRunner.class, MeterRegistry.class })
public final class MigrationMetricsAutoConfiguration {

    @Bean
    MigrationObservations cairnMigrationObservations(MeterRegistry meters,
            ObjectProvider<ObservationRegistry> observations) {
        return new MigrationObservations(meters, observations.getIfAvailable());
    }

    @Bean
    PendingMigrationsGauge cairnPendingMigrationsGauge(MigrationRunner runner) {
        return new PendingMigrationsGauge(runner);
    }

}
