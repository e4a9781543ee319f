package dev.cairn.flyway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.cairn.MigrationRunner;
import dev.cairn.MigrationState;
import dev.cairn.MigrationStatus;
import dev.cairn.actuate.MigrationsEndpoint;
import dev.cairn.actuate.MigrationsEndpoint.MigrationDescriptor;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestMigrations;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold when an application that Spring Boot's Flyway integration migrated is started again with Cairn in
 * its place: the {@code spring.flyway.*} settings become {@code cairn.*} ones, the Flyway Java migration becomes a
 * {@link dev.cairn.Migration} bean, and nothing runs again. Each database has a thin subclass.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractFlywaySwapTests {

    @TempDir
    Path directory;

    @TempDir
    Path scripts;

    protected TestDatabase database;

    protected abstract TestDatabase createDatabase(Path directory);

    @BeforeEach
    void writeScripts() throws IOException {
        this.database = createDatabase(this.directory);
        script("V1__create_tables.sql", """
                CREATE TABLE side_effects (step VARCHAR(40) NOT NULL);
                CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL);
                INSERT INTO side_effects (step) VALUES ('V1');
                """);
        script("V2.0__seed_customers.sql", """
                INSERT INTO customers (id, name) VALUES (1, '${customer}');
                INSERT INTO side_effects (step) VALUES ('V2.0');
                """);
        script("R__customer_names.sql", """
                DROP VIEW IF EXISTS customer_names;
                CREATE VIEW customer_names AS SELECT name FROM customers;
                INSERT INTO side_effects (step) VALUES ('R');
                """);
    }

    @AfterEach
    void dropDatabase() {
        if (this.database != null) {
            this.database.close();
        }
    }

    @Test
    void anApplicationMigratedByFlywayStartsWithCairnInsteadAndRunsNothingAgain(CapturedOutput output) {
        try (ConfigurableApplicationContext context = run(FlywayApplication.class, "--spring.flyway.enabled=true",
                "--spring.flyway.locations=filesystem:" + this.scripts, "--spring.flyway.placeholders.customer=Ada",
                "--cairn.enabled=false")) {
            assertThat(context.getBean(Flyway.class).info().applied()).hasSize(4);
        }
        assertThat(sideEffects()).containsExactlyInAnyOrder("V1", "V2.0", "java 3", "R");

        try (ConfigurableApplicationContext context = run(CairnApplication.class,
                "--spring.autoconfigure.exclude=org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "--cairn.locations=filesystem:" + this.scripts, "--cairn.placeholders.customer=Ada",
                "--management.endpoints.web.exposure.include=migrations")) {
            assertThat(context.getBeansOfType(Flyway.class)).isEmpty();
            assertThat(TestMigrations.runs(context.getBean(Sql.class))).isZero();
            MigrationStatus status = context.getBean(MigrationRunner.class).status();
            assertThat(status.currentVersion()).hasToString("3");
            assertThat(status.migrations()).hasSize(4)
                .allSatisfy((migration) -> assertThat(migration.state()).isEqualTo(MigrationState.APPLIED));
            assertThat(context.getBean(MigrationsEndpoint.class).migrations().migrations())
                .extracting(MigrationDescriptor::state)
                .containsOnly(MigrationState.APPLIED);
        }
        assertThat(sideEffects()).containsExactlyInAnyOrder("V1", "V2.0", "java 3", "R");
        assertThat(output).contains("Imported 4 rows of Flyway's history table flyway_schema_history");
    }

    private ConfigurableApplicationContext run(Class<?> application, String... arguments) {
        SpringApplication springApplication = new SpringApplication(application);
        springApplication.setWebApplicationType(WebApplicationType.NONE);
        List<String> args = new ArrayList<>(List.of("--spring.main.banner-mode=off"));
        for (String property : this.database.springProperties()) {
            args.add("--" + property);
        }
        args.addAll(List.of(arguments));
        return springApplication.run(args.toArray(String[]::new));
    }

    private List<String> sideEffects() {
        return this.database.jdbc().queryForList("SELECT step FROM side_effects", String.class);
    }

    private void script(String name, String content) throws IOException {
        Files.writeString(this.scripts.resolve(name), content, StandardCharsets.UTF_8);
    }

    /**
     * The application as it was with Flyway: its Java migration is a Flyway one, found as a bean.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
    static class FlywayApplication {

        @Bean
        V3__Record_java_step recordJavaStep() {
            return new V3__Record_java_step();
        }

    }

    /**
     * The same application with Cairn: the Java migration is rewritten as a Cairn bean of the same version.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
    static class CairnApplication {

        @Bean
        Sql recordJavaStep() {
            return new Sql(3, "Record java step", "INSERT INTO side_effects (step) VALUES ('java 3')");
        }

    }

}
