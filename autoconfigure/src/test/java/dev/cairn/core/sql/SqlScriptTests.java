package dev.cairn.core.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.cairn.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Loading a script: its settings, checksum and text.
 */
class SqlScriptTests {

    @TempDir
    Path directory;

    private final Placeholders placeholders = Placeholders.of(Map.of("schema", "app"));

    @Test
    void computesTheChecksumWhenLoadedAndReadsTheTextWhenAsked() throws IOException {
        write("V1__create.sql", "\uFEFFCREATE TABLE ${schema}.t (id INT);\r\n");
        SqlScript script = load("V1__create.sql");
        assertThat(script.checksum()).isEqualTo(FlywayChecksum.of("CREATE TABLE ${schema}.t (id INT);"));
        assertThat(script.checksum(this.placeholders)).as("a versioned script's checksum is of the file as it is")
            .isEqualTo(script.checksum());
        assertThat(script.text()).isEqualTo("CREATE TABLE ${schema}.t (id INT);\r\n");
        assertThat(script.text(this.placeholders)).isEqualTo("CREATE TABLE app.t (id INT);\r\n");
        assertThat(script.origin()).isEqualTo("filesystem:" + this.directory + "/V1__create.sql");
        assertThat(script.name().description()).isEqualTo("create");
        assertThat(script.config()).isEqualTo(ScriptConfig.NONE);
        assertThat(script.executeInTransaction(true)).isTrue();
    }

    @Test
    void runsTheTextItsChecksumWasComputedFromWhenAskedToKeepIt() throws IOException {
        write("V1__create.sql", "CREATE TABLE t (id INT);\n");
        SqlScript kept = SqlScript.load(file("V1__create.sql"), StandardCharsets.UTF_8, true);
        SqlScript released = SqlScript.load(file("V1__create.sql"), StandardCharsets.UTF_8, true);
        SqlScript unkept = load("V1__create.sql");
        assertThat(kept.keptContent()).isEqualTo(25);
        assertThat(unkept.keptContent()).isZero();
        released.releaseContent();
        write("V1__create.sql", "CREATE TABLE t (id INT, name TEXT);\n");
        assertThat(kept.text()).as("the content read for the checksum, kept until the script runs")
            .isEqualTo("CREATE TABLE t (id INT);\n");
        assertThat(kept.keptContent()).as("let go once used").isZero();
        assertThat(kept.text()).as("afterwards the file as it is now")
            .isEqualTo("CREATE TABLE t (id INT, name TEXT);\n");
        assertThat(released.text()).isEqualTo("CREATE TABLE t (id INT, name TEXT);\n");
        assertThat(unkept.text()).isEqualTo("CREATE TABLE t (id INT, name TEXT);\n");
    }

    @Test
    void checksumsARepeatableScriptAfterReplacingItsPlaceholders() throws IOException {
        write("R__views.sql", "-- ${flyway:filename}\nCREATE VIEW ${schema}.v AS SELECT 1;\n");
        SqlScript script = load("R__views.sql");
        assertThat(script.checksum(this.placeholders))
            .isEqualTo(FlywayChecksum.of("-- R__views.sql\nCREATE VIEW app.v AS SELECT 1;\n"))
            .isNotEqualTo(script.checksum(Placeholders.of(Map.of("schema", "other"))));
        assertThat(script.checksum(Placeholders.disabled())).isEqualTo(script.checksum());
    }

    @Test
    void followsTheEncodingAndSettingsOfItsConfFile() throws IOException {
        Files.write(this.directory.resolve("V2__latin.sql"),
                "INSERT INTO t VALUES ('Zoë ${kept}');".getBytes(StandardCharsets.ISO_8859_1));
        write("V2__latin.sql.conf", "encoding=ISO-8859-1\nexecuteInTransaction=false\nplaceholderReplacement=false\n");
        SqlScript script = load("V2__latin.sql");
        assertThat(script.encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(script.text(this.placeholders)).isEqualTo("INSERT INTO t VALUES ('Zoë ${kept}');");
        assertThat(script.checksum()).isEqualTo(FlywayChecksum.of("INSERT INTO t VALUES ('Zoë ${kept}');"));
        assertThat(script.executeInTransaction(true)).isFalse();
    }

    @Test
    void replacesPlaceholdersWhenItsConfFileAsksEvenIfReplacementIsOff() throws IOException {
        write("V3__x.sql", "SELECT '${schema}';");
        write("V3__x.sql.conf", "placeholderReplacement=true\n");
        assertThat(load("V3__x.sql").text(this.placeholders.withReplacement(false))).isEqualTo("SELECT 'app';");
    }

    @Test
    void namesTheScriptWhenItIsNotValidInItsEncoding() throws IOException {
        Files.write(this.directory.resolve("V4__latin.sql"), "SELECT 'Zoë';".getBytes(StandardCharsets.ISO_8859_1));
        assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> load("V4__latin.sql"))
            .withMessageStartingWith("filesystem:" + this.directory + "/V4__latin.sql is not valid UTF-8 text")
            .satisfies((ex) -> assertThat(ex.getAction()).contains("V4__latin.sql.conf", "encoding=ISO-8859-1"));
    }

    @Test
    void namesTheScriptAndLineOfAnUnknownPlaceholder() throws IOException {
        write("V5__x.sql", "SELECT 1;\nSELECT '${tenant}';\n");
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> load("V5__x.sql").text(this.placeholders))
            .withMessageStartingWith("Placeholder ${tenant} in filesystem:" + this.directory
                    + "/V5__x.sql at line 2 has no value: set cairn.placeholders.tenant");
    }

    private SqlScript load(String fileName) {
        return SqlScript.load(file(fileName));
    }

    private ScriptFile file(String fileName) {
        List<ScriptFile> files = new ScriptScanner(getClass().getClassLoader(), ScriptNaming.defaults())
            .scan(List.of("filesystem:" + this.directory));
        return files.stream().filter((file) -> file.fileName().equals(fileName)).findFirst().get();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(this.directory.resolve(name), text);
    }

}
