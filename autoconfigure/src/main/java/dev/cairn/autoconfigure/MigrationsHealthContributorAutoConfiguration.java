package dev.cairn.autoconfigure;

import dev.cairn.BackgroundMigrationRunner;
import dev.cairn.MigrationRunner;
import dev.cairn.actuate.MigrationsHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@code migrations} health indicator when Spring Boot's health support is present.
 */
@AutoConfiguration(after = CairnAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(MigrationRunner.class)
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrationsHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "migrationsHealthIndicator")
    MigrationsHealthIndicator migrationsHealthIndicator(MigrationRunner runner,
            ObjectProvider<CairnProperties> properties, ObjectProvider<BackgroundMigrationRunner> background) {
        CairnProperties cairn = properties.getIfAvailable();
        return new MigrationsHealthIndicator(runner, cairn == null || cairn.isEnabled(), background.getIfAvailable());
    }

}
