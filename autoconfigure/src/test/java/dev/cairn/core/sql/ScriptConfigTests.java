package dev.cairn.core.sql;

import java.nio.charset.StandardCharsets;

import dev.cairn.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading a script's Flyway-style {@code .conf} file.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScriptConfigTests {

    private static final String ORIGIN = "classpath:db/migration/V1__x.sql.conf";

    @Test
    void readsExecuteInTransactionEncodingAndPlaceholderReplacement() {
        ScriptConfig config = ScriptConfig.parse("# a comment\r\nexecuteInTransaction = false\r\n"
                + "encoding=ISO-8859-1  \r\nplaceholderReplacement=FALSE\r\n", ORIGIN);
        assertThat(config.executeInTransaction()).isFalse();
        assertThat(config.encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(config.placeholderReplacement()).isFalse();
    }

    @Test
    void leavesWhatItDoesNotSetUnset() {
        assertThat(ScriptConfig.parse("", ORIGIN)).isEqualTo(ScriptConfig.NONE);
        assertThat(ScriptConfig.parse("executeInTransaction=true", ORIGIN))
            .isEqualTo(new ScriptConfig(true, null, null));
    }

    @Test
    void warnsAboutUnknownKeysNamingTheFileAndTheKey(CapturedOutput output) {
        ScriptConfig config = ScriptConfig.parse("executeInTransaction=false\nbatch=true\n"
                + "flyway.encoding=UTF-8\n", ORIGIN);
        assertThat(config.executeInTransaction()).isFalse();
        assertThat(config.encoding()).isNull();
        assertThat(output).contains("WARN", "Ignoring unknown key 'batch' in " + ORIGIN
                + ": script configuration knows executeInTransaction, encoding and placeholderReplacement")
            .contains("Ignoring unknown key 'flyway.encoding' in " + ORIGIN + ": script configuration knows"
                    + " executeInTransaction, encoding and placeholderReplacement, without the flyway. prefix");
    }

    @Test
    void refusesValuesThatAreNotValid() {
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> ScriptConfig.parse("executeInTransaction=no", ORIGIN))
            .withMessage(ORIGIN + " sets executeInTransaction=no, which is neither true nor false");
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> ScriptConfig.parse("encoding=klingon", ORIGIN))
            .withMessageContaining("sets encoding=klingon, which this JVM does not know");
    }

    @Test
    void refusesShouldExecuteRatherThanRunAScriptThatMayBeMeantToBeSkipped() {
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> ScriptConfig.parse("shouldExecute=false", ORIGIN))
            .withMessageContaining("sets shouldExecute, which Cairn does not support");
    }

    @Test
    void readsAFileInTheGivenEncoding() {
        ByteArrayResource resource = new ByteArrayResource("encoding=UTF-16\n".getBytes(StandardCharsets.UTF_8));
        assertThat(ScriptConfig.read(resource, ORIGIN, StandardCharsets.UTF_8).encoding())
            .isEqualTo(StandardCharsets.UTF_16);
    }

}
