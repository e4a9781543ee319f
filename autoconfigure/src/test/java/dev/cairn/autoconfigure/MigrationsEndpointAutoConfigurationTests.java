package dev.cairn.autoconfigure;

import java.nio.file.Path;

import dev.cairn.actuate.MigrationsEndpoint;
import dev.cairn.actuate.MigrationsEndpointWebExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the conditions of the {@code migrations} endpoint and its page.
 */
class MigrationsEndpointAutoConfigurationTests {

    @TempDir
    Path directory;

    private ApplicationContextRunner contextRunner() {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SqliteDataSourceAutoConfiguration.class,
                    DataSourceAutoConfiguration.class, CairnAutoConfiguration.class,
                    MigrationsEndpointAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.directory.resolve("app.db"));
    }

    @Test
    void providesThePageWhereTheEndpointIsExposedOverHttp() {
        contextRunner().withPropertyValues("management.endpoints.web.exposure.include=migrations").run((context) -> {
            assertThat(context).hasSingleBean(MigrationsEndpoint.class);
            assertThat(context).hasSingleBean(MigrationsEndpointWebExtension.class);
        });
    }

    @Test
    void backsOffWhereTheEndpointIsNotExposed() {
        contextRunner().run((context) -> {
            assertThat(context).doesNotHaveBean(MigrationsEndpoint.class);
            assertThat(context).doesNotHaveBean(MigrationsEndpointWebExtension.class);
        });
    }

    @Test
    void backsOffWhereTheEndpointsAccessIsNone() {
        contextRunner()
            .withPropertyValues("management.endpoints.web.exposure.include=migrations",
                    "management.endpoint.migrations.access=NONE")
            .run((context) -> {
                assertThat(context).doesNotHaveBean(MigrationsEndpoint.class);
                assertThat(context).doesNotHaveBean(MigrationsEndpointWebExtension.class);
            });
    }

    @Test
    void backsOffWhereTheEndpointIsExposedOnlyOverJmx() {
        contextRunner()
            .withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=migrations")
            .run((context) -> {
                assertThat(context).hasSingleBean(MigrationsEndpoint.class);
                assertThat(context).doesNotHaveBean(MigrationsEndpointWebExtension.class);
            });
    }

}
