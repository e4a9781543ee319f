package dev.cairn.core.sql;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Flyway's checksum of a script, equal to the one Flyway records in {@code flyway_schema_history.checksum}.
 */
public final class FlywayChecksum {

    private static final char BOM = '\uFEFF';

    private FlywayChecksum() {
    }

    /**
     * The checksum of a script's content: the CRC-32 of its text, encoded as UTF-8, without its line breaks and
     * without a byte order mark at its start.
     * <p>
     * Flyway 12's {@code ChecksumCalculator} reads the script line by line with {@code BufferedReader.readLine()}
     * and feeds each line's UTF-8 bytes to one CRC-32, after removing U+FEFF from the start of the first line. So
     * every {@code \n}, {@code \r} and {@code \r\n} is left out, an empty line adds nothing, a last line without a
     * line break counts the same as one with it, and an empty script's checksum is 0.
     * @param content the script's bytes
     * @param encoding the script's encoding
     * @return the checksum
     * @throws CharacterCodingException when the content is not valid in the encoding, where Flyway fails too
     */
    public static int of(byte[] content, Charset encoding) throws CharacterCodingException {
        if (encoding.equals(StandardCharsets.UTF_8)) {
            return ofUtf8(content);
        }
        return of(decode(content, encoding));
    }

    /**
     * The checksum of a script's text, such as a repeatable script after its placeholders are replaced.
     * @param text the text
     * @return the checksum
     */
    public static int of(CharSequence text) {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[8192];
        int used = 0;
        int length = text.length();
        for (int i = (length > 0 && text.charAt(0) == BOM) ? 1 : 0; i < length; i++) {
            if (used > buffer.length - 4) {
                crc.update(buffer, 0, used);
                used = 0;
            }
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                continue;
            }
            if (c < 0x80) {
                buffer[used++] = (byte) c;
            }
            else if (c < 0x800) {
                buffer[used++] = (byte) (0xC0 | (c >> 6));
                buffer[used++] = (byte) (0x80 | (c & 0x3F));
            }
            else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                buffer[used++] = (byte) (0xF0 | (codePoint >> 18));
                buffer[used++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                buffer[used++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                buffer[used++] = (byte) (0x80 | (codePoint & 0x3F));
            }
            else if (Character.isSurrogate(c)) {
                // String.getBytes(UTF_8), which Flyway uses, writes '?' for a surrogate without its pair
                buffer[used++] = '?';
            }
            else {
                buffer[used++] = (byte) (0xE0 | (c >> 12));
                buffer[used++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[used++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        crc.update(buffer, 0, used);
        return (int) crc.getValue();
    }

    /**
     * Valid UTF-8 decodes and encodes back to the same bytes, and its line breaks are single bytes that never occur
     * inside a character, so the bytes between line breaks go to the CRC as they are.
     */
    private static int ofUtf8(byte[] content) throws CharacterCodingException {
        CRC32 crc = new CRC32();
        int start = (content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
                && content[2] == (byte) 0xBF) ? 3 : 0;
        int lineStart = start;
        int highBits = 0;
        for (int i = start; i < content.length; i++) {
            byte b = content[i];
            highBits |= b;
            if (b == '\n' || b == '\r') {
                crc.update(content, lineStart, i - lineStart);
                lineStart = i + 1;
            }
        }
        crc.update(content, lineStart, content.length - lineStart);
        if (highBits < 0) {
            // Not all ASCII: fail as Flyway's decoder does on bytes that are not UTF-8
            decode(content, StandardCharsets.UTF_8);
        }
        return (int) crc.getValue();
    }

    static String decode(byte[] content, Charset encoding) throws CharacterCodingException {
        if (encoding.equals(StandardCharsets.UTF_8) && isAscii(content)) {
            // Most scripts: every byte is a character, so there is nothing a decoder could find wrong.
            return new String(content, StandardCharsets.US_ASCII);
        }
        return encoding.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(content))
            .toString();
    }

    private static boolean isAscii(byte[] content) {
        for (byte b : content) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

}
