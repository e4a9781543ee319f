package dev.cairn.core.sql;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import dev.cairn.MigrationException;
import dev.cairn.core.sql.ScriptName.Kind;
import org.jspecify.annotations.Nullable;

/**
 * A script with its settings and Flyway's checksum. Where asked to, the content read for the checksum is kept for
 * the one time the script's text is asked for, which is when it runs; otherwise, after that, and for scripts too large
 * to keep, the text is read again when asked for.
 */
public final class SqlScript {

    private static final String CONF = ".conf";

    /** Scripts up to this size keep their content between reading the checksum and running. */
    private static final int KEPT_CONTENT = 256 * 1024;

    private final ScriptFile file;

    private final ScriptConfig config;

    private final Charset encoding;

    private final int checksum;

    private byte @Nullable [] content;

    private SqlScript(ScriptFile file, ScriptConfig config, Charset encoding, int checksum, byte @Nullable [] kept) {
        this.file = file;
        this.config = config;
        this.encoding = encoding;
        this.checksum = checksum;
        this.content = kept;
    }

    /**
     * Reads a script in UTF-8 unless its {@code .conf} says otherwise.
     * @param file the script
     * @return the script, with its checksum
     * @throws MigrationException when the script or its {@code .conf} cannot be read
     */
    public static SqlScript load(ScriptFile file) {
        return load(file, StandardCharsets.UTF_8, false);
    }

    /**
     * Reads a script and its {@code .conf}, if it has one, and computes Flyway's checksum.
     * @param file the script
     * @param defaultEncoding the encoding of scripts whose {@code .conf} does not set one, and of {@code .conf} files
     * @param keepContent whether to keep the content, if it is not too large, for the first {@link #text()}
     * @return the script, with its checksum
     * @throws MigrationException when the script or its {@code .conf} cannot be read, or the script is not valid in
     * its encoding
     */
    public static SqlScript load(ScriptFile file, Charset defaultEncoding, boolean keepContent) {
        ScriptConfig config = (file.config() != null)
                ? ScriptConfig.read(file.config(), file.origin() + CONF, defaultEncoding) : ScriptConfig.NONE;
        Charset encoding = (config.encoding() != null) ? config.encoding() : defaultEncoding;
        byte[] content = bytes(file);
        try {
            return new SqlScript(file, config, encoding, FlywayChecksum.of(content, encoding),
                    (keepContent && content.length <= KEPT_CONTENT) ? content : null);
        }
        catch (CharacterCodingException ex) {
            throw notEncoded(file, encoding, ex);
        }
    }

    public ScriptFile file() {
        return this.file;
    }

    public ScriptName name() {
        return this.file.name();
    }

    public ScriptConfig config() {
        return this.config;
    }

    public Charset encoding() {
        return this.encoding;
    }

    /**
     * Where the script comes from, for messages.
     * @return the origin, such as {@code classpath:db/migration/V2__x.sql}
     */
    public String origin() {
        return this.file.origin();
    }

    /**
     * Flyway's checksum of the file as it is, which Flyway records for versioned and undo scripts.
     * @return the checksum
     */
    public int checksum() {
        return this.checksum;
    }

    /**
     * The checksum Flyway records for this script: for a repeatable script whose placeholders are replaced, the
     * checksum of its text after replacement, so that it runs again when a placeholder's value changes; otherwise
     * {@link #checksum()}.
     * @param placeholders the placeholders the script runs with
     * @return the checksum
     * @throws MigrationException when a placeholder of a repeatable script has no value
     */
    public int checksum(Placeholders placeholders) {
        if (name().kind() != Kind.REPEATABLE || !placeholdersFor(placeholders).enabled()) {
            return this.checksum;
        }
        return FlywayChecksum.of(text(placeholders));
    }

    /**
     * How many bytes of content the script keeps for its first {@link #text()}.
     * @return the size, 0 when it keeps none
     */
    public int keptContent() {
        byte[] content = this.content;
        return (content != null) ? content.length : 0;
    }

    /**
     * Lets go of the kept content: the next {@link #text()} reads the file.
     */
    public void releaseContent() {
        this.content = null;
    }

    /**
     * The script's text, without a byte order mark: the first time from the content read for the checksum, which is
     * then let go, afterwards from the file again.
     * @return the text
     * @throws MigrationException when the script cannot be read
     */
    public String text() {
        byte[] content = this.content;
        this.content = null;
        try {
            String text = FlywayChecksum.decode((content != null) ? content : bytes(this.file), this.encoding);
            return (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? text.substring(1) : text;
        }
        catch (CharacterCodingException ex) {
            throw notEncoded(this.file, this.encoding, ex);
        }
    }

    /**
     * The script's text with its placeholders replaced, unless replacement is off for all scripts or for this one.
     * @param placeholders the placeholders
     * @return the text
     * @throws MigrationException when the script cannot be read or a placeholder has no value
     */
    public String text(Placeholders placeholders) {
        return placeholdersFor(placeholders).replace(text(), origin());
    }

    /**
     * Whether this script runs in a transaction.
     * @param byDefault what applies when its {@code .conf} does not say
     * @return {@code false} when its {@code .conf} says {@code executeInTransaction=false}
     */
    public boolean executeInTransaction(boolean byDefault) {
        Boolean setting = this.config.executeInTransaction();
        return (setting != null) ? setting : byDefault;
    }

    private Placeholders placeholdersFor(Placeholders placeholders) {
        Boolean setting = this.config.placeholderReplacement();
        return ((setting != null) ? placeholders.withReplacement(setting) : placeholders).forFile(this.file.fileName());
    }

    private static byte[] bytes(ScriptFile file) {
        try {
            return file.resource().getContentAsByteArray();
        }
        catch (IOException ex) {
            throw new MigrationException("Could not read " + file.origin() + ": " + ex.getMessage(),
                    "Check that the script can be read.", ex);
        }
    }

    private static MigrationException notEncoded(ScriptFile file, Charset encoding, CharacterCodingException ex) {
        return new MigrationException(file.origin() + " is not valid " + encoding.name() + " text (" + ex + ")",
                "Save the script as " + encoding.name() + ", or give its encoding in " + file.fileName() + CONF
                        + " next to it, such as encoding=ISO-8859-1.", ex);
    }

    @Override
    public String toString() {
        return origin();
    }

}
