package dev.cairn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Versions as Flyway writes them: parts compared numerically, trailing zero parts insignificant.
 */
class VersionTests {

    @ParameterizedTest
    @CsvSource({ "1, 1.0", "1.0.0, 1", "1_2, 1.2", "010, 10", "0001.2, 1.2", "20261121093000, 20261121093000.0" })
    void equalVersionsAreEqualAndHashAlike(String one, String other) {
        assertThat(Version.parse(one)).isEqualTo(Version.parse(other)).hasSameHashCodeAs(Version.parse(other));
    }

    @ParameterizedTest
    @CsvSource({ "1.12.10, 1.12.9", "2, 1.999", "1.0.1, 1", "99999999999999999999.1, 99999999999999999998.5",
            "1.99999999999999999999, 1.99999999999999999998" })
    void comparesPartByPartNumerically(String higher, String lower) {
        assertThat(Version.parse(higher)).isGreaterThan(Version.parse(lower));
        assertThat(Version.parse(lower)).isLessThan(Version.parse(higher));
    }

    @Test
    void isShownWithDotsAsWritten() {
        assertThat(Version.parse("1_2_3")).hasToString("1.2.3");
        assertThat(Version.parse("2.0")).hasToString("2.0");
        assertThat(Version.of(4)).hasToString("4");
    }

    @Test
    void aJavaMigrationsNumberIsAOnePartVersion() {
        assertThat(Version.of(20261121093000L)).isEqualTo(Version.parse("20261121093000"));
        assertThat(Version.parse("7.0").asLong()).isEqualTo(7L);
        assertThat(Version.parse("1.2").asLong()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "1.", ".1", "1..2", "a", "1.a", "-1", "1-2", "v1" })
    void refusesWhatIsNotAVersion(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Version.parse(text)).withMessageContaining("Invalid version");
        assertThat(Version.isVersion(text)).isFalse();
    }

}
