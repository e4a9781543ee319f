package dev.cairn.autoconfigure;

import javax.sql.DataSource;

import dev.cairn.Migration;
import dev.cairn.MigrationListener;
import dev.cairn.MigrationRunner;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auto-configures a {@link MigrationRunner} for every {@link Migration} bean, the SQL scripts in
 * {@code cairn.locations} and every {@link MigrationListener} bean, and runs it when the application is
 * ready ({@code cairn.run-on=ready}) or while it starts ({@code cairn.run-on=startup}); not when {@code cairn.mode}
 * names an operation to run instead ({@link RunModeAutoConfiguration}).
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, SqliteDataSourceAutoConfiguration.class })
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(CairnProperties.class)
public final class CairnAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MigrationRunner migrationRunner(DataSource dataSource, ObjectProvider<DataSourceProperties> dataSourceProperties,
            CairnProperties properties, ListableBeanFactory beanFactory, ObjectProvider<MigrationListener> listeners,
            ResourceLoader resourceLoader) {
        DataSource migrationDataSource = MigrationDataSource.create(properties.getDatasource(),
                dataSourceProperties.getIfAvailable());
        return MigrationRunner.builder((migrationDataSource != null) ? migrationDataSource : dataSource)
            .migrations(() -> beanFactory.getBeansOfType(Migration.class))
            .settings(properties.toSettings())
            .listeners(listeners.orderedStream().toList())
            .resourceLoader(resourceLoader)
            .build();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "cairn.enabled", matchIfMissing = true)
    @Conditional(OnRunModeCondition.Absent.class)
    static class TriggerConfiguration {

        @Bean
        @ConditionalOnProperty(name = "cairn.run-on", havingValue = "ready", matchIfMissing = true)
        MigrateOnReady cairnMigrateOnReady(MigrationRunner runner, CairnProperties properties) {
            return new MigrateOnReady(runner, properties.isFailOnError());
        }

        @Bean
        @ConditionalOnProperty(name = "cairn.run-on", havingValue = "startup")
        MigrateOnStartup cairnMigrateOnStartup(MigrationRunner runner, CairnProperties properties) {
            return new MigrateOnStartup(runner, properties.isFailOnError());
        }

    }

}
