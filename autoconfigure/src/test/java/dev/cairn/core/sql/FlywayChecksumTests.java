package dev.cairn.core.sql;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Flyway's checksum rules; {@link FlywayCompatibilityTests} checks them against what Flyway records.
 */
class FlywayChecksumTests {

    @Test
    void isTheCrcOfTheTextWithoutLineBreaks() throws CharacterCodingException {
        CRC32 crc = new CRC32();
        crc.update("CREATE TABLE a (id INT);INSERT INTO a VALUES (1);".getBytes(StandardCharsets.UTF_8));
        assertThat(utf8("CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\n")).isEqualTo((int) crc.getValue());
    }

    @Test
    void ignoresLineEndingsEmptyLinesAndAMissingLastLineBreak() throws CharacterCodingException {
        int unix = utf8("SELECT 1;\nSELECT 2;\n");
        assertThat(utf8("SELECT 1;\r\nSELECT 2;\r\n")).isEqualTo(unix);
        assertThat(utf8("SELECT 1;\rSELECT 2;\r")).isEqualTo(unix);
        assertThat(utf8("SELECT 1;\n\n\r\n\nSELECT 2;")).isEqualTo(unix);
        assertThat(utf8("SELECT 1;SELECT 2;")).as("lines are joined without anything between them").isEqualTo(unix);
        assertThat(utf8("SELECT 1; SELECT 2;")).isNotEqualTo(unix);
    }

    @Test
    void ignoresAByteOrderMarkAtTheStartOnly() throws CharacterCodingException {
        assertThat(utf8("\uFEFFSELECT 1;")).isEqualTo(utf8("SELECT 1;"));
        assertThat(FlywayChecksum.of("\uFEFFSELECT 1;")).isEqualTo(utf8("SELECT 1;"));
        assertThat(utf8("SELECT 1;\n\uFEFF")).isNotEqualTo(utf8("SELECT 1;"));
    }

    @Test
    void isZeroForAnEmptyScript() throws CharacterCodingException {
        assertThat(utf8("")).isZero();
        assertThat(utf8("\r\n\n")).isZero();
        assertThat(FlywayChecksum.of("")).isZero();
    }

    @Test
    void agreesBetweenBytesAndTextForNonAsciiText() throws CharacterCodingException {
        String text = "-- Zoë, Łukasz, 日本, 😀\r\nINSERT INTO t VALUES ('€');\n";
        assertThat(utf8(text)).isEqualTo(FlywayChecksum.of(text));
        assertThat(FlywayChecksum.of(text.repeat(2000))).as("longer than the buffer")
            .isEqualTo(utf8(text.repeat(2000)));
    }

    @Test
    void encodesTextInOtherEncodingsAsUtf8() throws CharacterCodingException {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        String text = "INSERT INTO t VALUES ('Zoë');\n";
        assertThat(FlywayChecksum.of(text.getBytes(latin1), latin1)).isEqualTo(utf8(text));
        Charset utf16 = StandardCharsets.UTF_16LE;
        assertThat(FlywayChecksum.of(("\uFEFF" + text).getBytes(utf16), utf16)).isEqualTo(utf8(text));
    }

    @Test
    void refusesBytesThatAreNotValidInTheEncodingAsFlywayDoes() {
        byte[] latin1 = "Zoë".getBytes(StandardCharsets.ISO_8859_1);
        assertThatExceptionOfType(CharacterCodingException.class)
            .isThrownBy(() -> FlywayChecksum.of(latin1, StandardCharsets.UTF_8));
    }

    @Test
    void writesALoneSurrogateAsAQuestionMarkAsJavaDoes() {
        String broken = "a\uD83D\nb";
        CRC32 crc = new CRC32();
        crc.update("a\uD83D".getBytes(StandardCharsets.UTF_8));
        crc.update("b".getBytes(StandardCharsets.UTF_8));
        assertThat(FlywayChecksum.of(broken)).isEqualTo((int) crc.getValue());
    }

    private static int utf8(String text) throws CharacterCodingException {
        return FlywayChecksum.of(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

}
