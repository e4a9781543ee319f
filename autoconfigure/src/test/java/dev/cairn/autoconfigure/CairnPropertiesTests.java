package dev.cairn.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.cairn.MigrationSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

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
        assertThat(properties.getTarget()).as("latest").isNull();
        assertThat(properties.getBaselineVersion()).hasToString("1");
        assertThat(properties.getRunOn()).isEqualTo(CairnProperties.RunOn.READY);
        assertThat(properties.isOutOfOrder()).isFalse();
        assertThat(properties.isFailOnError()).isTrue();
        assertThat(properties.getDrift()).isEqualTo(dev.cairn.DriftMode.WARN);
        assertThat(properties.getLock().getWaitTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.getLock().getLease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.getDatasource().getUrl()).isNull();
        assertThat(properties.getPolicy()).isEqualTo(dev.cairn.Policy.UNRESTRICTED);
        assertThat(properties.getFuture()).isEqualTo(dev.cairn.FutureMigrations.FAIL);
    }

    @Test
    void bindsThePolicyAndWhatAnOlderInstanceDoesAsWrittenInApplicationYml() {
        MigrationSettings settings = bind(Map.of("cairn.policy", "append-only", "cairn.future", "warn")).toSettings();
        assertThat(settings.policy()).isEqualTo(dev.cairn.Policy.APPEND_ONLY);
        assertThat(settings.futureMigrations()).isEqualTo(dev.cairn.FutureMigrations.WARN);
    }

    @Test
    void defaultPropertiesGiveTheRunnersDefaultSettings() {
        assertThat(new CairnProperties().toSettings()).isEqualTo(MigrationSettings.defaults());
        assertThat(new CairnProperties().toBackgroundSettings()).as("cairn.background.* and BackgroundSettings agree")
            .isEqualTo(dev.cairn.BackgroundSettings.defaults());
    }

    @Test
    void targetLatestMeansEveryMigrationAndANumberIsAVersion() {
        assertThat(bind(Map.of("cairn.target", "20261121093000")).toSettings().target()).hasToString("20261121093000");
        assertThat(bind(Map.of("cairn.target", "1_12_10")).toSettings().target())
            .isEqualTo(dev.cairn.Version.parse("1.12.10"));
        assertThat(bind(Map.of("cairn.target", "LATEST")).toSettings().target()).isNull();
        assertThat(bind(Map.of("cairn.target", 4)).toSettings().target()).as("a number in YAML").hasToString("4");
    }

    @Test
    void aVersionThatIsNotOneFailsBindingWithTheValueAsWritten() {
        assertThatException().isThrownBy(() -> bind(Map.of("cairn.baseline-version", "1.x")))
            .withMessageContaining("cairn.baseline-version")
            .havingRootCause()
            .withMessageContaining("Invalid version '1.x'");
    }

    private static CairnProperties bind(Map<String, Object> properties) {
        org.springframework.format.support.FormattingConversionService conversion =
                new org.springframework.boot.convert.ApplicationConversionService();
        conversion.addConverter(new VersionConverter());
        return new Binder(List.of(new MapConfigurationPropertySource(properties)), null, conversion)
            .bindOrCreate("cairn", CairnProperties.class);
    }

    @Test
    void driftBindsToTheRunnersSetting() {
        assertThat(bind(Map.of("cairn.drift", "fail")).toSettings().drift()).isEqualTo(dev.cairn.DriftMode.FAIL);
        assertThat(bind(Map.of("cairn.drift", "off")).toSettings().drift()).isEqualTo(dev.cairn.DriftMode.OFF);
    }

    @Test
    void bindsTheScriptAndFlywayProperties() {
        CairnProperties properties = bind(Map.of("cairn.locations", "classpath:db/one,filesystem:/opt/sql",
                "cairn.flyway.import", "false", "cairn.flyway.table", "schema_version", "cairn.placeholders.owner",
                "app", "cairn.sql-migration-suffixes", ".sql,.ddl", "cairn.baseline-version", "1.5"));
        MigrationSettings settings = properties.toSettings();
        assertThat(settings.locations()).containsExactly("classpath:db/one", "filesystem:/opt/sql");
        assertThat(settings.flywayImport()).isFalse();
        assertThat(settings.flywayTable()).isEqualTo("schema_version");
        assertThat(settings.placeholders()).containsEntry("owner", "app");
        assertThat(settings.scriptNames().suffixes()).containsExactly(".sql", ".ddl");
        assertThat(settings.baselineVersion()).hasToString("1.5");
    }

}
