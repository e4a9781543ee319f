package dev.cairn.autoconfigure;

import java.time.Duration;

import dev.cairn.MigrationSettings;
import org.junit.jupiter.api.Test;

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

}
