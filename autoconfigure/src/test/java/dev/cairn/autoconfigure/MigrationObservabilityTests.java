package dev.cairn.autoconfigure;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cairn.MigrationEvent;
import dev.cairn.testsupport.TestMigrations.Failing;
import dev.cairn.testsupport.TestMigrations.Sql;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics, observations and application events of a real application's migrations.
 */
class MigrationObservabilityTests {

    private static final String WITHOUT_JPA = "--spring.autoconfigure.exclude="
            + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
            + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration";

    @TempDir
    Path directory;

    @Test
    void countsTimesAndObservesEachMigrationAndPublishesEvents() {
        try (ConfigurableApplicationContext context = run(TwoMigrations.class)) {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("cairn.migrations.applied").tag("type", "JAVA").counter().count()).isEqualTo(2);
            assertThat(meters.get("cairn.migration").tag("type", "JAVA").tag("outcome", "success").timer().count())
                .isEqualTo(2);
            assertThat(meters.get("cairn.migrations.pending").gauge().value()).isZero();
            Recorder recorder = context.getBean(Recorder.class);
            assertThat(recorder.observations).containsExactly("migrate 1", "migrate 2");
            assertThat(recorder.events).containsExactly("RunStarted", "Applied 1", "Applied 2", "RunFinished 2");
        }
        try (ConfigurableApplicationContext context = run(TwoMigrations.class)) {
            assertThat(context.getBean(Recorder.class).events).as("a start with nothing pending")
                .containsExactly("RunStarted", "RunFinished 0");
        }
    }

    @Test
    void countsAndPublishesAFailure() {
        try (ConfigurableApplicationContext context = run(BrokenMigration.class, "--cairn.fail-on-error=false")) {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("cairn.migrations.failed").tag("type", "JAVA").counter().count()).isOne();
            assertThat(meters.get("cairn.migration").tag("outcome", "failure").timer().count()).isOne();
            assertThat(meters.get("cairn.migrations.pending").gauge().value()).as("it is FAILED, not PENDING").isZero();
            assertThat(context.getBean(Recorder.class).events).containsExactly("RunStarted", "Failed 1");
        }
    }

    private ConfigurableApplicationContext run(Class<?> application, String... arguments) {
        SpringApplication springApplication = new SpringApplication(application, Recorder.class);
        springApplication.setWebApplicationType(WebApplicationType.NONE);
        List<String> args = new java.util.ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:sqlite:" + this.directory.resolve("app.db"),
                "--spring.main.banner-mode=off", WITHOUT_JPA));
        args.addAll(List.of(arguments));
        return springApplication.run(args.toArray(String[]::new));
    }

    @Configuration(proxyBeanMethods = false)
    static class Recorder {

        final List<String> events = new CopyOnWriteArrayList<>();

        final List<String> observations = new CopyOnWriteArrayList<>();

        @EventListener
        void on(MigrationEvent event) {
            String name = event.getClass().getSimpleName();
            if (event instanceof MigrationEvent.Applied applied) {
                name += " " + applied.getMigration().version();
            }
            else if (event instanceof MigrationEvent.Failed failed) {
                name += " " + failed.getFailure().getVersion();
            }
            else if (event instanceof MigrationEvent.RunFinished finished) {
                name += " " + finished.getResult().applied().size();
            }
            this.events.add(name);
        }

        @Bean
        ObservationHandler<Observation.Context> cairnObservationRecorder() {
            return new ObservationHandler<>() {
                @Override
                public void onStop(Observation.Context context) {
                    if ("cairn.migration".equals(context.getName())) {
                        Recorder.this.observations.add(context.getContextualName());
                    }
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }
            };
        }

    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class TwoMigrations {

        @Bean
        Sql first() {
            return new Sql(1, "First", "CREATE TABLE first (id INTEGER)");
        }

        @Bean
        Sql second() {
            return new Sql(2, "Second", "CREATE TABLE second (id INTEGER)");
        }

    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class BrokenMigration {

        @Bean
        Failing broken() {
            return new Failing(1, "Broken", "CREATE TABLE broken (id INTEGER)");
        }

    }

}
