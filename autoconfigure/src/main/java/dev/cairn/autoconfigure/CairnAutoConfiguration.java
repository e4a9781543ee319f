package dev.cairn.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import dev.cairn.BackgroundMigration;
import dev.cairn.BackgroundMigrationListener;
import dev.cairn.BackgroundMigrationRunner;
import dev.cairn.Migration;
import dev.cairn.MigrationCallback;
import dev.cairn.MigrationListener;
import dev.cairn.MigrationRunner;
import dev.cairn.schema.DeclaredSchema;
import dev.cairn.MigrationState;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auto-configures a {@link MigrationRunner} for every {@link Migration} bean, the SQL scripts in
 * {@code cairn.locations}, every {@link MigrationCallback} and {@link MigrationListener} bean (and one that publishes
 * {@link dev.cairn.MigrationEvent}s), and runs it when the application is ready
 * ({@code cairn.run-on=ready}) or while it starts ({@code cairn.run-on=startup}), as Spring Boot's Flyway
 * integration orders itself before the beans that depend on database initialization; not when {@code cairn.mode}
 * names an operation to run instead ({@link RunModeAutoConfiguration}).
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, SqliteDataSourceAutoConfiguration.class })
@ConditionalOnClass(JdbcTemplate.class)
@Conditional(CairnAutoConfiguration.MigrationDataSourceCondition.class)
@EnableConfigurationProperties(CairnProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
@ImportRuntimeHints(CairnRuntimeHints.class)
public final class CairnAutoConfiguration {

    @Bean
    @ConfigurationPropertiesBinding
    static VersionConverter cairnVersionConverter() {
        return new VersionConverter();
    }

    @Bean
    @ConditionalOnMissingBean(CairnConnectionDetails.class)
    PropertiesCairnConnectionDetails cairnConnectionDetails(CairnProperties properties) {
        return new PropertiesCairnConnectionDetails(properties.getDatasource());
    }

    @Bean
    MigrationDataSource cairnMigrationDataSource(@CairnDataSource ObjectProvider<DataSource> cairnDataSource,
            ObjectProvider<DataSource> dataSource, ListableBeanFactory beanFactory,
            CairnConnectionDetails connectionDetails, ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails) {
        Map<String, DataSource> all = new LinkedHashMap<>();
        for (String name : beanFactory.getBeanNamesForType(DataSource.class, false, false)) {
            all.put(name, beanFactory.getBean(name, DataSource.class));
        }
        return MigrationDataSource.choose(cairnDataSource, all, dataSource.getIfUnique(), connectionDetails,
                jdbcConnectionDetails);
    }

    @Bean
    @ConditionalOnMissingBean
    MigrationRunner migrationRunner(MigrationDataSource dataSource, CairnProperties properties,
            ListableBeanFactory beanFactory, ObjectProvider<MigrationCallback> callbacks,
            ObjectProvider<MigrationListener> listeners, ResourceLoader resourceLoader,
            ObjectProvider<BackgroundMigrationRunner> backgroundMigrations,
            ObjectProvider<DeclaredSchema> declaredSchema) {
        MigrationRunner.Builder builder = MigrationRunner.builder(dataSource.dataSource());
        backgroundMigrations.ifAvailable(builder::backgroundMigrations);
        declaredSchema.ifUnique(builder::declaredSchema);
        return builder
            .dataSourceDescription(dataSource.description())
            .migrations(() -> migrations(beanFactory))
            .settings(properties.toSettings())
            .callbacks(callbacks.orderedStream().toList())
            .listeners(listeners.orderedStream().toList())
            .resourceLoader(resourceLoader)
            .build();
    }

    @Bean
    @ConditionalOnMissingBean
    BackgroundMigrationRunner backgroundMigrationRunner(MigrationDataSource dataSource, CairnProperties properties,
            ListableBeanFactory beanFactory, ObjectProvider<MigrationRunner> runner,
            ObjectProvider<BackgroundMigrationListener> listeners) {
        return BackgroundMigrationRunner.builder(dataSource.dataSource())
            .migrations(() -> backgroundMigrations(beanFactory))
            .listeners(listeners.orderedStream().toList())
            .settings(properties.toBackgroundSettings())
            .afterFinish(() -> migrateWhatWaited(runner.getObject()))
            .build();
    }

    @Bean
    EventPublishingMigrationListener cairnEventPublishingMigrationListener(ApplicationEventPublisher publisher,
            ObjectProvider<MigrationRunner> runner) {
        return new EventPublishingMigrationListener(publisher, runner);
    }

    /**
     * The migration beans by name, looked up on every operation of the runner, without initializing factory beans
     * just to learn their type.
     */
    private static Map<String, Migration> migrations(ListableBeanFactory beanFactory) {
        Map<String, Migration> migrations = new LinkedHashMap<>();
        for (String name : beanFactory.getBeanNamesForType(Migration.class, true, false)) {
            migrations.put(name, beanFactory.getBean(name, Migration.class));
        }
        return migrations;
    }

    /**
     * Applies the migrations that waited for a background migration that has just finished, if any wait.
     */
    private static void migrateWhatWaited(MigrationRunner runner) {
        if (!runner.status().inState(MigrationState.PENDING).isEmpty()) {
            runner.migrate();
        }
    }

    private static Map<String, BackgroundMigration> backgroundMigrations(ListableBeanFactory beanFactory) {
        Map<String, BackgroundMigration> migrations = new LinkedHashMap<>();
        for (String name : beanFactory.getBeanNamesForType(BackgroundMigration.class, true, false)) {
            migrations.put(name, beanFactory.getBean(name, BackgroundMigration.class));
        }
        return migrations;
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

        @Bean
        @ConditionalOnBooleanProperty(name = "cairn.background.enabled", matchIfMissing = true)
        BackgroundMigrationsLifecycle cairnBackgroundMigrationsLifecycle(BackgroundMigrationRunner background,
                MigrationRunner runner) {
            return new BackgroundMigrationsLifecycle(background, runner);
        }

    }

    /**
     * Matches when there is something to migrate: a DataSource, connection details for one, or cairn.datasource.url.
     */
    static final class MigrationDataSourceCondition extends AnyNestedCondition {

        MigrationDataSourceCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        private static final class DataSourceBean {

        }

        @ConditionalOnBean(JdbcConnectionDetails.class)
        private static final class JdbcConnectionDetailsBean {

        }

        @ConditionalOnProperty("cairn.datasource.url")
        private static final class CairnUrl {

        }

    }

    /**
     * {@link CairnConnectionDetails} from {@code cairn.datasource.*}.
     */
    static final class PropertiesCairnConnectionDetails implements CairnConnectionDetails {

        private final CairnProperties.Datasource properties;

        PropertiesCairnConnectionDetails(CairnProperties.Datasource properties) {
            this.properties = properties;
        }

        @Override
        public @Nullable String getJdbcUrl() {
            return this.properties.getUrl();
        }

        @Override
        public @Nullable String getUsername() {
            return this.properties.getUsername();
        }

        @Override
        public @Nullable String getPassword() {
            return this.properties.getPassword();
        }

        @Override
        public @Nullable String getDriverClassName() {
            return this.properties.getDriverClassName();
        }

    }

}
