package dev.cairn.core.sql;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Properties;

import dev.cairn.MigrationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

/**
 * A script's own settings, from its Flyway-style {@code .conf} sibling ({@code V1__x.sql.conf}), in properties
 * format with Flyway's keys {@code executeInTransaction}, {@code encoding} and {@code placeholderReplacement}
 * (without the {@code flyway.} prefix, which Flyway uses only in its own configuration files).
 *
 * @param executeInTransaction whether the script runs in a transaction, {@code null} when not set
 * @param encoding the script's encoding, {@code null} when not set
 * @param placeholderReplacement whether placeholders are replaced in the script, {@code null} when not set
 */
public record ScriptConfig(@Nullable Boolean executeInTransaction, @Nullable Charset encoding,
        @Nullable Boolean placeholderReplacement) {

    /** A script without {@code .conf}. */
    public static final ScriptConfig NONE = new ScriptConfig(null, null, null);

    private static final Log logger = LogFactory.getLog(ScriptConfig.class);

    private static final String EXECUTE_IN_TRANSACTION = "executeInTransaction";

    private static final String ENCODING = "encoding";

    private static final String PLACEHOLDER_REPLACEMENT = "placeholderReplacement";

    /**
     * Reads a {@code .conf} file. Unknown keys are logged at WARN and ignored.
     * @param resource the file
     * @param origin where it comes from, for messages, such as {@code classpath:db/migration/V1__x.sql.conf}
     * @param encoding the encoding of the file, the default encoding of scripts
     * @return the settings
     * @throws MigrationException when the file cannot be read or has a value that is not valid
     */
    public static ScriptConfig read(Resource resource, String origin, Charset encoding) {
        try {
            return parse(resource.getContentAsString(encoding), origin);
        }
        catch (IOException ex) {
            throw new MigrationException("Could not read " + origin + ": " + ex.getMessage(),
                    "Check that the file can be read.", ex);
        }
    }

    /**
     * Parses the text of a {@code .conf} file.
     * @param text the text
     * @param origin where it comes from, for messages
     * @return the settings
     */
    public static ScriptConfig parse(String text, String origin) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        }
        catch (IOException | IllegalArgumentException ex) {
            throw new MigrationException("Could not read " + origin + ": " + ex.getMessage(),
                    "Write " + origin + " in properties format, such as executeInTransaction=false.", ex);
        }
        Boolean executeInTransaction = null;
        Charset encoding = null;
        Boolean placeholderReplacement = null;
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).strip();
            switch (key) {
                case EXECUTE_IN_TRANSACTION -> executeInTransaction = bool(key, value, origin);
                case ENCODING -> encoding = charset(value, origin);
                case PLACEHOLDER_REPLACEMENT -> placeholderReplacement = bool(key, value, origin);
                case "shouldExecute" -> throw new MigrationException(origin + " sets shouldExecute, which Cairn"
                        + " does not support, so it cannot tell whether the script should run",
                        "Remove shouldExecute from " + origin + " and move the script to a location that is listed"
                                + " in cairn.locations only where it should run.");
                default -> logger.warn("Ignoring unknown key '" + key + "' in " + origin + ": script configuration"
                        + " knows " + EXECUTE_IN_TRANSACTION + ", " + ENCODING + " and " + PLACEHOLDER_REPLACEMENT
                        + (key.startsWith("flyway.") ? ", without the flyway. prefix" : ""));
            }
        }
        return new ScriptConfig(executeInTransaction, encoding, placeholderReplacement);
    }

    private static Boolean bool(String key, String value, String origin) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
            throw new MigrationException(origin + " sets " + key + "=" + value + ", which is neither true nor false",
                    "Set " + key + "=true or " + key + "=false in " + origin + ".");
        }
        return Boolean.valueOf(lower);
    }

    private static Charset charset(String value, String origin) {
        try {
            return Charset.forName(value);
        }
        catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
            throw new MigrationException(origin + " sets encoding=" + value + ", which this JVM does not know",
                    "Set an encoding such as " + StandardCharsets.UTF_8.name() + " or ISO-8859-1 in " + origin + ".",
                    ex);
        }
    }

}
