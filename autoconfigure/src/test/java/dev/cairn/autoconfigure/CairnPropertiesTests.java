package dev.cairn.autoconfigure;

import java.time.Duration;
import java.util.Map;

import dev.cairn.MigrationSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults documented in README.md are the ones the code uses.
 */
class CairnPropertiesTests {

    @Test
    void defaultsAreTheDocumentedOnes() {
        CairnProperties properties = new CairnProperties();
        assertThat(properties.isEnabled()).isTrue();
        assertThat(properties.getTable()).isEqualTo("cairn_migrations");
        assertThat(properties.getSchema()).isNull();
        assertThat(properties.getTarget()).isEqualTo("latest");
        assertThat(properties.getRunOn()).isEqualTo(CairnProperties.RunOn.READY);
        assertThat(properties.isOutOfOrder()).isFalse();
        assertThat(properties.isFailOnError()).isTrue();
        assertThat(properties.getLock().getWaitTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.getLock().getLease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.getDatasource().getUrl()).isNull();
    }

    @Test
    void defaultPropertiesGiveTheRunnersDefaultSettings() {
        assertThat(new CairnProperties().toSettings()).isEqualTo(MigrationSettings.defaults());
    }

    @Test
    void targetLatestMeansEveryMigrationAndANumberIsAVersion() {
        CairnProperties properties = new CairnProperties();
        properties.setTarget("20261121093000");
        assertThat(properties.toSettings().target()).hasToString("20261121093000");
        properties.setTarget("1.12.10");
        assertThat(properties.toSettings().target()).isEqualTo(dev.cairn.Version.parse("1_12_10"));
        properties.setTarget("LATEST");
        assertThat(properties.toSettings().target()).isNull();
    }

    @Test
    void bindsTheScriptAndFlywayProperties() {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource(Map.of(
                "cairn.locations", "classpath:db/one,filesystem:/opt/sql", "cairn.flyway.import", "false",
                "cairn.flyway.table", "schema_version", "cairn.placeholders.owner", "app",
                "cairn.sql-migration-suffixes", ".sql,.ddl", "cairn.baseline-version", "1.5"));
        CairnProperties properties = new Binder(source).bind("cairn", CairnProperties.class).get();
        MigrationSettings settings = properties.toSettings();
        assertThat(settings.locations()).containsExactly("classpath:db/one", "filesystem:/opt/sql");
        assertThat(settings.flywayImport()).isFalse();
        assertThat(settings.flywayTable()).isEqualTo("schema_version");
        assertThat(settings.placeholders()).containsEntry("owner", "app");
        assertThat(settings.scriptNames().suffixes()).containsExactly(".sql", ".ddl");
        assertThat(settings.baselineVersion()).hasToString("1.5");
    }

}
