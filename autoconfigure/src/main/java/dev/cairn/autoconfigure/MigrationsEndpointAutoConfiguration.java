package dev.cairn.autoconfigure;

import dev.cairn.BackgroundMigrationRunner;
import dev.cairn.MigrationRunner;
import dev.cairn.actuate.MigrationsEndpoint;
import dev.cairn.actuate.MigrationsEndpointWebExtension;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@code migrations} actuator endpoint when the actuator is present, and its page where it is
 * exposed over HTTP.
 */
@AutoConfiguration(after = CairnAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(MigrationRunner.class)
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrationsEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MigrationsEndpoint migrationsEndpoint(MigrationRunner runner,
            ObjectProvider<BackgroundMigrationRunner> backgroundMigrations) {
        return new MigrationsEndpoint(runner, backgroundMigrations.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MigrationsEndpoint.class)
    @ConditionalOnAvailableEndpoint(endpoint = MigrationsEndpoint.class, exposure = EndpointExposure.WEB)
    MigrationsEndpointWebExtension migrationsEndpointWebExtension(MigrationsEndpoint endpoint, MigrationRunner runner,
            ObjectProvider<CairnProperties> properties) {
        CairnProperties cairn = properties.getIfAvailable();
        return new MigrationsEndpointWebExtension(endpoint, runner, cairn == null || cairn.isEnabled());
    }

}
