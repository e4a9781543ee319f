package dev.cairn.autoconfigure;

import dev.cairn.MigrationRunner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures the operation named by {@code cairn.mode}, which runs instead of the migrate at start and then
 * exits the application.
 */
@AutoConfiguration(after = CairnAutoConfiguration.class)
@Conditional(OnRunModeCondition.class)
@EnableConfigurationProperties(CairnProperties.class)
public final class RunModeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RunMode cairnRunMode(CairnProperties properties, ObjectProvider<MigrationRunner> runner,
            ObjectProvider<MigrateOnStartup> migratedWhileStarting) {
        return new RunMode(properties.getMode(), runner, migratedWhileStarting, System.out, System::exit);
    }

    /**
     * With {@code cairn.run-on=startup}, {@code migrate} migrates while the context starts, as the application would,
     * so that beans which check the schema as they start (JPA's {@code ddl-auto=validate}) find it migrated.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(MigrationRunner.class)
    @ConditionalOnProperty(name = "cairn.mode", havingValue = "migrate")
    @ConditionalOnProperty(name = "cairn.run-on", havingValue = "startup")
    static class MigrateWhileStartingConfiguration {

        @Bean
        MigrateOnStartup cairnMigrateOnStartup(MigrationRunner runner) {
            return new MigrateOnStartup(runner, true);
        }

    }

}
