package dev.cairn.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.BackgroundMigration;
import dev.cairn.BackgroundMigrationRunner;
import dev.cairn.BackgroundMigrationState;
import dev.cairn.Migration;
import dev.cairn.MigrationException;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationSettings;
import dev.cairn.actuate.MigrationsEndpoint;
import dev.cairn.actuate.MigrationsHealthIndicator;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the auto-configuration's conditions.
 */
class CairnAutoConfigurationTests {

    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(
            SqliteDataSourceAutoConfiguration.class, DataSourceAutoConfiguration.class, CairnAutoConfiguration.class,
            MigrationsEndpointAutoConfiguration.class, MigrationsHealthContributorAutoConfiguration.class,
            RunModeAutoConfiguration.class);

    @TempDir
    Path directory;

    private ApplicationContextRunner contextRunner() {
        return new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
            .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.directory.resolve("app.db"));
    }

    @Test
    void createsARunnerThatMigratesWhenTheApplicationIsReady() {
        contextRunner().run((context) -> {
            assertThat(context).hasSingleBean(MigrationRunner.class);
            assertThat(context).hasSingleBean(MigrateOnReady.class);
            assertThat(context).doesNotHaveBean(MigrateOnStartup.class);
            assertThat(context).doesNotHaveBean(RunMode.class);
            assertThat(context.getBean(MigrationRunner.class).getSettings().table()).isEqualTo("cairn_migrations");
        });
    }

    @Test
    void createsABackgroundMigrationRunnerStartedWhenReadyAndConfiguredFromItsProperties() {
        contextRunner().withBean("backfill", BackgroundMigration.class,
                () -> BackgroundMigration.update("1", "items").set("n = 1"))
            .withPropertyValues("cairn.background.table=my_background", "cairn.background.batch-time=40ms")
            .run((context) -> {
                assertThat(context).hasSingleBean(BackgroundMigrationRunner.class);
                assertThat(context).hasSingleBean(BackgroundMigrationsLifecycle.class);
                BackgroundMigrationRunner runner = context.getBean(BackgroundMigrationRunner.class);
                assertThat(runner.tables()).containsExactlyInAnyOrder("my_background", "my_background_lease");
                assertThat(runner.status()).singleElement()
                    .satisfies((migration) -> assertThat(migration.state()).isEqualTo(BackgroundMigrationState.QUEUED));
                assertThat(runner.isRunning()).as("not before the application is ready").isFalse();
                assertThat(context.getBean(CairnProperties.class).toBackgroundSettings().batchTime())
                    .isEqualTo(java.time.Duration.ofMillis(40));
            });
    }

    @Test
    void checksTheMigrationsAgainstADeclaredSchemaBeanAndAppliesWhatItAdds() {
        contextRunner()
            .withBean("schema", dev.cairn.schema.DeclaredSchema.class, () -> dev.cairn.schema.DeclaredSchema.of(1,
                    dev.cairn.schema.Steps.table("declared_notes",
                            dev.cairn.schema.Steps.column("id").bigint().primaryKey())))
            .run((context) -> {
                MigrationRunner runner = context.getBean(MigrationRunner.class);
                runner.migrate();
                assertThat(runner.status().migrations()).singleElement().satisfies((migration) -> {
                    assertThat(migration.type()).isEqualTo("SCHEMA_AUTO");
                    assertThat(migration.description()).isEqualTo("Declared schema");
                });
                assertThat(context.getBean(javax.sql.DataSource.class).getConnection().getMetaData()
                    .getTables(null, null, "declared_notes", null).next()).isTrue();
            });
    }

    @Test
    void runsNoBackgroundMigrationsWhenTheyAreDisabledButStillGatesMigrationsOnThem() {
        contextRunner().withBean("waiting", Migration.class, () -> new Migration() {
            @Override
            public long version() {
                return 1;
            }

            @Override
            public java.util.Set<String> requiredBackgroundMigrations() {
                return java.util.Set.of("7");
            }

            @Override
            public void up(dev.cairn.MigrationContext context) {
            }
        }).withPropertyValues("cairn.background.enabled=false").run((context) -> {
            assertThat(context).doesNotHaveBean(BackgroundMigrationsLifecycle.class);
            assertThat(context).hasSingleBean(BackgroundMigrationRunner.class);
            org.assertj.core.api.Assertions.assertThatExceptionOfType(dev.cairn.MigrationException.class)
                .isThrownBy(() -> context.getBean(MigrationRunner.class).migrate())
                .withMessageContaining("requires background migration 7, which is neither defined nor recorded");
        });
    }

    @Test
    void aRunModeReplacesTheMigrateAtStartEvenWhenDisabled() {
        contextRunner().withUserConfiguration(OneMigration.class)
            .withPropertyValues("cairn.mode=dry-run", "cairn.enabled=false", "cairn.run-on=startup")
            .run((context) -> {
                assertThat(context).hasSingleBean(RunMode.class);
                assertThat(context).doesNotHaveBean(MigrateOnReady.class);
                assertThat(context).doesNotHaveBean(MigrateOnStartup.class);
                assertThat(context.getBean(CairnProperties.class).getMode()).isEqualTo(CairnProperties.Mode.DRY_RUN);
                assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
                        "SELECT COUNT(*) FROM sqlite_master WHERE name = 'cairn_migrations'", Integer.class)).isZero();
            });
    }

    @Test
    void aBlankRunModeIsNoRunMode() {
        contextRunner().withPropertyValues("cairn.mode=").run((context) -> {
            assertThat(context).hasSingleBean(MigrateOnReady.class);
            assertThat(context).doesNotHaveBean(RunMode.class);
        });
    }

    @Test
    void theMigrateModeMigratesWhileTheContextStartsWhenRunOnIsStartup() {
        contextRunner().withUserConfiguration(OneMigration.class)
            .withPropertyValues("cairn.mode=migrate", "cairn.run-on=startup")
            .run((context) -> {
                assertThat(context).hasSingleBean(RunMode.class);
                assertThat(context.getBean(MigrateOnStartup.class).getResult().applied()).hasSize(1);
            });
    }

    @Test
    void theRollbackModeTakesTargetZeroToRevertEverything() {
        contextRunner().withPropertyValues("cairn.mode=rollback", "cairn.target=0").run((context) -> assertThat(
                context.getBean(MigrationRunner.class).getSettings().target()).hasToString("0"));
        contextRunner().withPropertyValues("cairn.target=0").run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void aRunModeWithoutARunnerFailsSayingWhy() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CairnAutoConfiguration.class,
                RunModeAutoConfiguration.class))
            .withPropertyValues("cairn.mode=migrate")
            .run((context) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                RunMode mode = new RunMode(CairnProperties.Mode.MIGRATE,
                        context.getBeanProvider(MigrationRunner.class), context.getBeanProvider(MigrateOnStartup.class),
                        new PrintStream(out, true, StandardCharsets.UTF_8), (code) -> {
                        });
                assertThat(mode.runMode(CairnProperties.Mode.MIGRATE)).isEqualTo(1);
                assertThat(out.toString(StandardCharsets.UTF_8)).contains("CAIRN MIGRATE FAILED")
                    .contains("cairn.mode=migrate has no MigrationRunner to run")
                    .contains("Action:");
            });
    }

    @Test
    void migratesWhileTheContextStartsWhenRunOnIsStartup() {
        contextRunner().withUserConfiguration(OneMigration.class).withPropertyValues("cairn.run-on=startup")
            .run((context) -> {
                assertThat(context).hasSingleBean(MigrateOnStartup.class);
                assertThat(context).doesNotHaveBean(MigrateOnReady.class);
                assertThat(new JdbcTemplate(context.getBean(DataSource.class))
                    .queryForObject("SELECT COUNT(*) FROM cairn_migrations", Integer.class)).isOne();
            });
    }

    @Test
    void backsOffWhenDisabledButKeepsTheRunnerForReporting() {
        contextRunner().withUserConfiguration(OneMigration.class)
            .withPropertyValues("cairn.enabled=false", "cairn.run-on=startup")
            .run((context) -> {
                assertThat(context).hasSingleBean(MigrationRunner.class);
                assertThat(context).doesNotHaveBean(MigrateOnStartup.class);
                assertThat(context).doesNotHaveBean(MigrateOnReady.class);
                assertThat(context.getBean(MigrationRunner.class).status().migrations()).hasSize(1);
            });
    }

    @Test
    void backsOffWithoutADataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CairnAutoConfiguration.class))
            .run((context) -> assertThat(context).doesNotHaveBean(MigrationRunner.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnRunner() {
        contextRunner().withUserConfiguration(CustomRunner.class).run((context) -> {
            assertThat(context).hasSingleBean(MigrationRunner.class);
            assertThat(context.getBean(MigrationRunner.class).getSettings().table()).isEqualTo("custom_history");
        });
    }

    @Test
    void bindsThePlaceholderPrefixAndSuffixAndRefusesABlankOne() {
        contextRunner().withPropertyValues("cairn.placeholder-prefix=#[", "cairn.placeholder-suffix=]")
            .run((context) -> {
                MigrationSettings settings = context.getBean(MigrationRunner.class).getSettings();
                assertThat(settings.placeholderPrefix()).isEqualTo("#[");
                assertThat(settings.placeholderSuffix()).isEqualTo("]");
            });
        contextRunner().withPropertyValues("cairn.placeholder-suffix= ").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("Invalid placeholder delimiter")
                .hasMessageContaining("(cairn.placeholder-suffix)");
        });
    }

    @Test
    void refusesAHostileHistoryTableNameAtStartup() {
        contextRunner().withPropertyValues("cairn.table=users; DROP TABLE users").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("cairn.table");
        });
    }

    @Test
    void refusesATargetThatIsNotAVersion() {
        contextRunner().withPropertyValues("cairn.target=next").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("Failed to bind properties under"
                    + " 'cairn.target'")
                .rootCause()
                .hasMessageContaining("Invalid version 'next'");
        });
    }

    @Test
    void providesAnSqliteFileWhenNoDataSourceIsConfigured() throws Exception {
        String name = "cairn-test-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = Path.of("data", name + ".db");
        try {
            new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .withPropertyValues("spring.application.name=" + name, "spring.datasource.hikari.maximum-pool-size=4")
                .run((context) -> {
                    assertThat(context).hasSingleBean(DataSource.class);
                    HikariDataSource dataSource = context.getBean(HikariDataSource.class);
                    assertThat(dataSource.getMaximumPoolSize()).isEqualTo(4);
                    assertThat(dataSource.getJdbcUrl()).startsWith("jdbc:sqlite:" + file);
                    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                    assertThat(jdbc.queryForObject("PRAGMA foreign_keys", Integer.class)).isOne();
                    assertThat(jdbc.queryForObject("PRAGMA journal_mode", String.class)).isEqualToIgnoringCase("wal");
                    assertThat(dataSource.getDataSource()).as("writers wait up to 30 s, trying every half millisecond")
                        .isInstanceOf(SqliteTurnTaking.class);
                    assertThat(file).exists();
                });
        }
        finally {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
    }

    @Test
    void doesNotProvideSqliteWhenAUrlIsConfigured() {
        contextRunner().run((context) -> assertThat(context.getBean(HikariDataSource.class).getPoolName())
            .isNotEqualTo("cairn-sqlite"));
    }

    @Test
    void migratesWithSeparateCredentialsWhenConfigured() {
        Path migrationDatabase = this.directory.resolve("migrations.db");
        contextRunner().withUserConfiguration(OneMigration.class)
            .withPropertyValues("cairn.run-on=startup", "cairn.datasource.url=jdbc:sqlite:" + migrationDatabase)
            .run((context) -> {
                assertThat(new JdbcTemplate(context.getBean(DataSource.class))
                    .queryForObject("SELECT COUNT(*) FROM sqlite_master WHERE name = 'cairn_migrations'",
                            Integer.class)).isZero();
                assertThat(new JdbcTemplate(new org.springframework.jdbc.datasource.SimpleDriverDataSource(
                        new org.sqlite.JDBC(), "jdbc:sqlite:" + migrationDatabase))
                    .queryForObject("SELECT COUNT(*) FROM cairn_migrations", Integer.class)).isOne();
            });
    }

    @Test
    void providesTheEndpointAndHealthIndicatorWithTheActuator() {
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
            .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.directory.resolve("web.db"),
                    "management.endpoints.web.exposure.include=migrations")
            .run((context) -> {
                assertThat(context).hasSingleBean(MigrationsEndpoint.class);
                assertThat(context).hasSingleBean(MigrationsHealthIndicator.class);
            });
    }

    @Test
    void warnsOfSchemaDriftByDefaultAndTakesCairnDrift() {
        contextRunner().run((context) -> assertThat(context.getBean(MigrationRunner.class).getSettings().drift())
            .isEqualTo(dev.cairn.DriftMode.WARN));
        contextRunner().withPropertyValues("cairn.drift=fail")
            .run((context) -> assertThat(context.getBean(MigrationRunner.class).getSettings().drift())
                .isEqualTo(dev.cairn.DriftMode.FAIL));
    }

    @Test
    void worksWithoutTheActuator() {
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
            .withClassLoader(new FilteredClassLoader(Endpoint.class,
                    org.springframework.boot.health.contributor.HealthIndicator.class))
            .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.directory.resolve("plain.db"),
                    "management.endpoints.web.exposure.include=migrations")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(MigrationRunner.class);
                assertThat(context).doesNotHaveBean(MigrationsEndpoint.class);
                assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class);
            });
    }

    @Test
    void backsOffFromTheSqliteDefaultWhenConnectionDetailsNameADatabase() {
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
            .withBean(JdbcConnectionDetails.class, () -> new JdbcConnectionDetails() {
                @Override
                public String getUsername() {
                    return "";
                }

                @Override
                public String getPassword() {
                    return "";
                }

                @Override
                public String getJdbcUrl() {
                    return "jdbc:sqlite:" + CairnAutoConfigurationTests.this.directory.resolve("details.db");
                }
            })
            .run((context) -> {
                assertThat(context).hasSingleBean(DataSource.class);
                HikariDataSource dataSource = context.getBean(HikariDataSource.class);
                assertThat(dataSource.getPoolName()).isNotEqualTo("cairn-sqlite");
                assertThat(dataSource.getJdbcUrl()).endsWith("details.db");
                context.getBean(MigrationRunner.class).migrate();
                assertThat(this.directory.resolve("details.db")).exists();
            });
    }

    @Test
    void refusesTwoDataSourcesWhenNoneIsMarkedForMigrations() {
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
            .withUserConfiguration(TwoDataSources.class)
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("cannot tell which of the DataSources [first, second] to migrate");
            });
    }

    @Test
    void migratesTheDataSourceMarkedWithCairnDataSource() {
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
            .withUserConfiguration(TwoDataSources.class, MarkedDataSource.class, OneMigration.class)
            .withPropertyValues("cairn.run-on=startup", "test.marked=" + this.directory.resolve("marked.db"))
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(count(this.directory.resolve("marked.db"))).isOne();
            });
    }

    @Test
    void migratesThePrimaryOfTwoDataSources() {
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
            .withUserConfiguration(TwoDataSources.class, OneMigration.class)
            .withBean("primaryDataSource", DataSource.class, () -> sqlite(this.directory.resolve("primary.db")),
                    (definition) -> definition.setPrimary(true))
            .withPropertyValues("cairn.run-on=startup")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(count(this.directory.resolve("primary.db"))).isOne();
            });
    }

    @Test
    void closesThePoolOfItsOwnCredentialsWithTheContext() {
        Path database = this.directory.resolve("own.db");
        HikariDataSource[] pool = new HikariDataSource[1];
        contextRunner().withUserConfiguration(OneMigration.class)
            .withPropertyValues("cairn.run-on=startup", "cairn.datasource.url=jdbc:sqlite:" + database)
            .run((context) -> {
                DataSource used = context.getBean(MigrationDataSource.class).dataSource();
                assertThat(used).isInstanceOf(HikariDataSource.class);
                pool[0] = (HikariDataSource) used;
                assertThat(pool[0].getPoolName()).isEqualTo("cairn-migrations");
                assertThat(pool[0].getMaximumPoolSize()).isEqualTo(3);
                assertThat(count(database)).isOne();
            });
        assertThat(pool[0].isClosed()).isTrue();
    }

    @Test
    void echoesAPropertyAsTheUserWroteIt() {
        contextRunner().withPropertyValues("cairn.lock.wait-timeout=-5s").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("Invalid duration -5s (cairn.lock.wait-timeout)");
        });
    }

    private static DataSource sqlite(Path file) {
        return new org.springframework.jdbc.datasource.SimpleDriverDataSource(new org.sqlite.JDBC(),
                "jdbc:sqlite:" + file);
    }

    private static int count(Path file) {
        Integer count = new JdbcTemplate(sqlite(file)).queryForObject("SELECT COUNT(*) FROM cairn_migrations",
                Integer.class);
        return (count != null) ? count : 0;
    }

    @Configuration(proxyBeanMethods = false)
    static class MarkedDataSource {

        @Bean
        @CairnDataSource
        DataSource migrationsDataSource(org.springframework.core.env.Environment environment) {
            return sqlite(Path.of(environment.getRequiredProperty("test.marked")));
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {

        @Bean
        DataSource first() {
            return sqlite(Path.of("target", "cairn-two-first-" + UUID.randomUUID() + ".db"));
        }

        @Bean
        DataSource second() {
            return sqlite(Path.of("target", "cairn-two-second-" + UUID.randomUUID() + ".db"));
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class OneMigration {

        @Bean
        Sql createThings() {
            return new Sql(1, "Create things", "CREATE TABLE things (id INTEGER PRIMARY KEY)");
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class CustomRunner {

        @Bean
        MigrationRunner customRunner(DataSource dataSource) {
            return new MigrationRunner(dataSource, List.of(),
                    dev.cairn.MigrationSettings.defaults().withTable("custom_history"));
        }

    }

}
