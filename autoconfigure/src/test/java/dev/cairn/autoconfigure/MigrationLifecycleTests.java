package dev.cairn.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationState;
import dev.cairn.actuate.MigrationsEndpoint;
import dev.cairn.actuate.MigrationsEndpoint.MigrationDescriptor;
import dev.cairn.actuate.MigrationsHealthIndicator;
import dev.cairn.autoconfigure.jpa.Todo;
import dev.cairn.testsupport.TestMigrations.Failing;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The lifecycle through a real {@link SpringApplication}: when migrations run, what the application does when one
 * fails, and how the endpoint and health report it.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationLifecycleTests {

    @TempDir
    Path directory;

    @Test
    void migratesWhenReadyWithInjectedBeansWhileRefusingTraffic() {
        try (ConfigurableApplicationContext context = run(GreetingApplication.class)) {
            CreateGreetings migration = context.getBean(CreateGreetings.class);
            assertThat(migration.readinessWhileRunning).containsExactly(ReadinessState.REFUSING_TRAFFIC);
            assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
                .isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
            assertThat(jdbc(context).queryForObject("SELECT text FROM greetings", String.class)).isEqualTo("hello");
            assertThat(context.getBean(MigrationsHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
            assertThat(context.getBean(MigrationsEndpoint.class).migrations().currentVersion()).hasToString("1");
        }
    }

    @Test
    void failedMigrationStopsTheApplicationNamingTheMigrationAndWhatToDo(CapturedOutput output) {
        assertThatException().isThrownBy(() -> run(BrokenApplication.class).close());
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("Migration 2 \"Break things\" (bean 'breakThings') failed in up(): IllegalStateException: boom")
            .contains("Its transaction was rolled back")
            .contains("Action:")
            .contains("Fix migration 2");
        JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.SimpleDriverDataSource(
                new org.sqlite.JDBC(), url()));
        assertThat(jdbc.queryForList("SELECT version FROM cairn_migrations", Long.class)).containsExactly(1L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sqlite_master WHERE name = 'broken'", Integer.class))
            .isZero();
    }

    @Test
    void failedMigrationWithFailOnErrorOffStartsTheApplicationAndReportsDown() {
        try (ConfigurableApplicationContext context = run(BrokenApplication.class, "--cairn.fail-on-error=false")) {
            assertThat(context.getBean(MigrationsHealthIndicator.class).health(true).getStatus())
                .isEqualTo(Status.DOWN);
            List<MigrationDescriptor> migrations = context.getBean(MigrationsEndpoint.class).migrations().migrations();
            assertThat(migrations).extracting(MigrationDescriptor::state)
                .containsExactly(MigrationState.APPLIED, MigrationState.FAILED);
        }
    }

    @Test
    void repairThroughTheEndpointLetsAFailedMigrationRunAgain() {
        try (ConfigurableApplicationContext context = run(HalfDoneApplication.class, "--cairn.fail-on-error=false")) {
            MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
            assertThat(endpoint.migration("1").state()).isEqualTo(MigrationState.FAILED);
            assertThat(endpoint.repair().repaired()).extracting(MigrationDescriptor::version).containsExactly("1");
            assertThat(endpoint.migration("1").state()).isEqualTo(MigrationState.PENDING);
            assertThat(context.getBean(MigrationsHealthIndicator.class).health(true).getStatus())
                .isEqualTo(Status.OUT_OF_SERVICE);
        }
    }

    @Test
    void disabledRunsNothingButStillReports() {
        try (ConfigurableApplicationContext context = run(GreetingApplication.class, "--cairn.enabled=false")) {
            assertThat(context.getBean(MigrationsEndpoint.class).migrations().migrations())
                .extracting(MigrationDescriptor::state)
                .containsExactly(MigrationState.PENDING);
            assertThat(context.getBean(MigrationsHealthIndicator.class).health(true).getStatus())
                .as("this instance is not going to apply them, so they do not take it out of service")
                .isEqualTo(Status.UP);
            assertThat(jdbc(context).queryForObject(
                    "SELECT COUNT(*) FROM sqlite_master WHERE name = 'cairn_migrations'", Integer.class)).isZero();
        }
    }

    @Test
    void startupModeMigratesBeforeJpaValidatesTheSchema() {
        try (ConfigurableApplicationContext context = run(JpaApplication.class, "--cairn.run-on=startup",
                "--spring.jpa.hibernate.ddl-auto=validate")) {
            assertThat(jdbc(context).queryForObject("SELECT COUNT(*) FROM todos", Integer.class)).isZero();
        }
    }

    @Test
    void theMigrateRunModeWithRunOnStartupMigratesBeforeJpaValidatesAndReportsWhatItApplied() {
        List<Integer> exits = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpringApplication application = new SpringApplication(JpaApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        // The run mode as auto-configured, but reporting to this test instead of ending its JVM.
        application.addInitializers((context) -> ((GenericApplicationContext) context).registerBean("cairnRunMode",
                RunMode.class, () -> new RunMode(CairnProperties.Mode.MIGRATE,
                        context.getBeanProvider(MigrationRunner.class), context.getBeanProvider(MigrateOnStartup.class),
                        new PrintStream(out, true, StandardCharsets.UTF_8), exits::add)));
        try (ConfigurableApplicationContext context = application.run("--spring.datasource.url=" + url(),
                "--spring.main.banner-mode=off", "--cairn.mode=migrate", "--cairn.run-on=startup",
                "--spring.jpa.hibernate.ddl-auto=validate")) {
            assertThat(exits).containsExactly(0);
            assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("Cairn migrate: applied 1 migration in ")
                .contains("| 1       | Create todos |");
            assertThat(context.isActive()).as("closed before the exit").isFalse();
        }
    }

    @Test
    void readyModeMigratesTooLateForJpaValidation(CapturedOutput output) {
        assertThatException().isThrownBy(() -> run(JpaApplication.class, "--cairn.run-on=ready",
                "--spring.jpa.hibernate.ddl-auto=validate").close());
        assertThat(output).contains("missing table [todos]");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsAFailureAnalysisThatNamesTheSettings(CapturedOutput output) {
        // Nothing listens on port 1.
        assertThatException().isThrownBy(() -> runAt("jdbc:postgresql://127.0.0.1:1/app", GreetingApplication.class,
                "--spring.datasource.username=app", WITHOUT_JPA).close());
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("Could not connect to the database to migrate, using the application's DataSource"
                    + " (spring.datasource.*: url jdbc:postgresql://127.0.0.1:1/app, username app)")
            .contains("Action:")
            .contains("Check that the database runs and accepts connections at that URL")
            .doesNotContain("at org.postgresql");
    }

    @Test
    void anSqliteFileThatCannotBeCreatedIsAFailureAnalysis(CapturedOutput output) {
        Path missing = this.directory.resolve("missing").resolve("app.db");
        assertThatException().isThrownBy(() -> runAt("jdbc:sqlite:" + missing, GreetingApplication.class,
                WITHOUT_JPA).close());
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("Could not connect to the database to migrate, using the application's DataSource"
                    + " (spring.datasource.*: url jdbc:sqlite:" + missing)
            .contains("for an SQLite file, that its directory exists and can be written");
    }

    @Test
    void healthStaysUpWithMigrationsThatThisInstanceDoesNotApply() {
        try (ConfigurableApplicationContext context = run(GreetingApplication.class, "--cairn.enabled=false")) {
            var health = context.getBean(MigrationsHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("pending", 1L);
        }
        try (ConfigurableApplicationContext context = run(GreetingApplication.class, "--cairn.target=0.5")) {
            var health = context.getBean(MigrationsHealthIndicator.class).health(true);
            assertThat(health.getStatus()).as("pending only above the target").isEqualTo(Status.UP);
        }
    }

    @Test
    void aHealthProbeReadsNothingBetweenRuns() {
        try (ConfigurableApplicationContext context = run(GreetingApplication.class)) {
            MigrationsHealthIndicator health = context.getBean(MigrationsHealthIndicator.class);
            assertThat(health.health(true).getDetails()).containsEntry("currentVersion", "1");
            jdbc(context).execute("ALTER TABLE cairn_migrations RENAME TO moved_away");
            assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
            assertThat(health.health(true).getDetails()).containsEntry("currentVersion", "1");
            assertThat(context.getBean(dev.cairn.MigrationRunner.class).status().currentVersion())
                .as("a status read of its own sees the table gone").isNull();
        }
    }

    @Test
    void migratesBeforeTheApplicationsDataScriptRuns() throws Exception {
        Path data = this.directory.resolve("data.sql");
        java.nio.file.Files.writeString(data, "INSERT INTO greetings (text) VALUES ('from data.sql');");
        try (ConfigurableApplicationContext context = run(GreetingApplication.class, "--cairn.run-on=startup",
                "--spring.sql.init.mode=always", "--spring.sql.init.data-locations=file:" + data, WITHOUT_JPA)) {
            assertThat(jdbc(context).queryForList("SELECT text FROM greetings", String.class))
                .containsExactly("hello", "from data.sql");
        }
    }

    private static final String WITHOUT_JPA = "--spring.autoconfigure.exclude="
            + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
            + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration";

    private ConfigurableApplicationContext run(Class<?> application, String... arguments) {
        return runAt(url(), application, arguments);
    }

    private ConfigurableApplicationContext runAt(String url, Class<?> application, String... arguments) {
        SpringApplication springApplication = new SpringApplication(application);
        springApplication.setWebApplicationType(WebApplicationType.NONE);
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.main.banner-mode=off", "--management.endpoints.web.exposure.include=migrations"));
        args.addAll(List.of(arguments));
        return springApplication.run(args.toArray(String[]::new));
    }

    private String url() {
        return "jdbc:sqlite:" + this.directory.resolve("app.db");
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }

    record Greeting(String text) {
    }

    static class CreateGreetings implements Migration {

        private final Greeting greeting;

        private final ApplicationAvailability availability;

        final List<ReadinessState> readinessWhileRunning = new ArrayList<>();

        CreateGreetings(Greeting greeting, ApplicationAvailability availability) {
            this.greeting = greeting;
            this.availability = availability;
        }

        @Override
        public long version() {
            return 1;
        }

        @Override
        public void up(MigrationContext context) {
            this.readinessWhileRunning.add(this.availability.getReadinessState());
            context.jdbc().execute("CREATE TABLE greetings (text VARCHAR(50))");
            context.jdbc().update("INSERT INTO greetings (text) VALUES (?)", this.greeting.text());
        }

    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class GreetingApplication {

        @Bean
        Greeting greeting() {
            return new Greeting("hello");
        }

        @Bean
        CreateGreetings createGreetings(Greeting greeting, ApplicationAvailability availability) {
            return new CreateGreetings(greeting, availability);
        }

    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class BrokenApplication {

        @Bean
        Sql createThings() {
            return new Sql(1, "Create things", "CREATE TABLE things (id INTEGER)");
        }

        @Bean
        Failing breakThings() {
            return new Failing(2, "Break things", "CREATE TABLE broken (id INTEGER)");
        }

    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class HalfDoneApplication {

        @Bean
        Migration halfDone() {
            return new Failing(1, "Half done", "CREATE TABLE half (id INTEGER)") {
                @Override
                public boolean transactional() {
                    return false;
                }
            };
        }

    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EntityScan(basePackageClasses = Todo.class)
    static class JpaApplication {

        @Bean
        Sql createTodos() {
            return new Sql(1, "Create todos", "CREATE TABLE todos (id BIGINT NOT NULL PRIMARY KEY, title VARCHAR(255))");
        }

    }

}
