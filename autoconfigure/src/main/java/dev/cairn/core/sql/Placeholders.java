package dev.cairn.core.sql;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.cairn.MigrationException;
import org.jspecify.annotations.Nullable;

/**
 * Replaces {@code ${name}} (or what the configured prefix and suffix enclose) in scripts as Flyway does, with the
 * user's values ({@code cairn.placeholders.*}) and the built-ins such as {@code ${flyway:defaultSchema}} and
 * {@code ${cairn:defaultSchema}}.
 */
public final class Placeholders {

    /** The names of the built-ins, each available as {@code flyway:<name>} and {@code cairn:<name>}. */
    public static final List<String> BUILT_INS = List.of("defaultSchema", "user", "database", "timestamp", "filename",
            "workingDirectory", "table", "environment");

    private static final List<String> BUILT_IN_KEYS = keys(BUILT_INS);


    /** Flyway's default prefix, which Cairn keeps. */
    public static final String DEFAULT_PREFIX = "${";

    /** Flyway's default suffix, which Cairn keeps. */
    public static final String DEFAULT_SUFFIX = "}";

    private static final Placeholders DISABLED = new Placeholders(false, Map.of(), null, DEFAULT_PREFIX,
            DEFAULT_SUFFIX);

    private final boolean enabled;

    /** By lower-case name. */
    private final Map<String, String> values;

    private final @Nullable String filename;

    private final String prefix;

    private final String suffix;

    private Placeholders(boolean enabled, Map<String, String> values, @Nullable String filename, String prefix,
            String suffix) {
        this.enabled = enabled;
        this.prefix = prefix;
        this.suffix = suffix;
        this.values = values;
        this.filename = filename;
    }

    /**
     * Placeholder replacement switched off: scripts pass untouched.
     * @return placeholders that replace nothing
     */
    public static Placeholders disabled() {
        return DISABLED;
    }

    /**
     * Replacement with the user's values, the working directory and Flyway's environment name ({@code default}).
     * @param values the values by name, such as the entries of {@code cairn.placeholders}
     * @return the placeholders
     */
    public static Placeholders of(Map<String, String> values) {
        Map<String, String> all = new HashMap<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            all.put(key(value.getKey()), value.getValue());
        }
        // The environment name Flyway uses when none is configured
        return new Placeholders(true, all, null, DEFAULT_PREFIX, DEFAULT_SUFFIX).withBuiltIn("workingDirectory", System.getProperty("user.dir"))
            .withBuiltIn("environment", "default");
    }

    /**
     * Sets a built-in, as both {@code flyway:<name>} and {@code cairn:<name>}; the built-ins win over the user's
     * values of the same name, as in Flyway.
     * @param name one of {@link #BUILT_INS}, such as {@code defaultSchema}
     * @param value its value, or {@code null} when it is not known, which makes a script that uses it fail
     * @return placeholders with that value
     */
    public Placeholders withBuiltIn(String name, @Nullable String value) {
        if (!BUILT_INS.contains(name)) {
            throw new IllegalArgumentException("Unknown built-in placeholder '" + name + "'; known are " + BUILT_INS);
        }
        Map<String, String> values = new HashMap<>(this.values);
        for (String namespace : List.of("flyway:", "cairn:")) {
            if (value != null) {
                values.put(key(namespace + name), value);
            }
            else {
                values.remove(key(namespace + name));
            }
        }
        return new Placeholders(this.enabled, values, this.filename, this.prefix, this.suffix);
    }

    /**
     * Sets the {@code timestamp} built-in to a time written as Flyway writes it, {@code 2026-11-21 09:30:00}.
     * @param time the time, in the zone scripts should see (Flyway uses the JVM's default zone)
     * @return placeholders with that timestamp
     */
    public Placeholders withTimestamp(LocalDateTime time) {
        // Written by hand as yyyy-MM-dd HH:mm:ss: every start sets it, and a DateTimeFormatter costs a fresh JVM more.
        StringBuilder text = new StringBuilder(19);
        text.append(time.getYear()).append('-');
        twoDigits(text, time.getMonthValue()).append('-');
        twoDigits(text, time.getDayOfMonth()).append(' ');
        twoDigits(text, time.getHour()).append(':');
        twoDigits(text, time.getMinute()).append(':');
        twoDigits(text, time.getSecond());
        return withBuiltIn("timestamp", text.toString());
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((value < 10) ? "0" : "").append(value);
    }

    /**
     * Switches replacement on or off, keeping the values, for a script whose {@code .conf} sets
     * {@code placeholderReplacement}.
     * @param enabled whether to replace
     * @return placeholders with that setting
     */
    public Placeholders withReplacement(boolean enabled) {
        return (enabled == this.enabled) ? this : new Placeholders(enabled, this.values, this.filename, this.prefix,
                this.suffix);
    }

    /**
     * The same placeholders written with another prefix and suffix, as Flyway's {@code placeholderPrefix} and
     * {@code placeholderSuffix} allow, such as {@code #[name]}.
     * @param prefix what opens a placeholder, <code>${</code> by default
     * @param suffix what closes it, <code>}</code> by default
     * @return the placeholders
     */
    public Placeholders withSyntax(String prefix, String suffix) {
        if (prefix.isEmpty() || suffix.isEmpty()) {
            throw new IllegalArgumentException("A placeholder prefix and suffix cannot be empty");
        }
        return new Placeholders(this.enabled, this.values, this.filename, prefix, suffix);
    }

    /**
     * The placeholders for one script, with its {@code filename} built-in; cheap, nothing is copied.
     * @param filename the script's file name, such as {@code V2__x.sql}
     * @return placeholders for that script
     */
    public Placeholders forFile(String filename) {
        return new Placeholders(this.enabled, this.values, filename, this.prefix, this.suffix);
    }

    public boolean enabled() {
        return this.enabled;
    }

    /**
     * The value of a placeholder.
     * @param name the name, such as {@code schema} or {@code flyway:user}, in any case
     * @return the value, or {@code null} when there is none
     */
    public @Nullable String value(String name) {
        String key = key(name);
        if (this.filename != null && (key.equals("flyway:filename") || key.equals("cairn:filename"))) {
            return this.filename;
        }
        return this.values.get(key);
    }

    /**
     * Replaces the placeholders in a script; returns the same text when replacement is off or there is no
     * <code>${</code> in it.
     * <p>
     * Flyway's rules, from its {@code PlaceholderReplacingReader}: names are matched ignoring case; everything up to
     * the next <code>}</code> is the name, across lines, in comments and string literals too; a value is inserted as
     * it is and not scanned again; there is no escape, but {@code $} and the character after it are read as a pair,
     * so {@code $${x}} is left alone while {@code $$${x}} is replaced; a name without value is an error.
     * @param text the script's text
     * @param origin where the script comes from, for messages, such as {@code classpath:db/migration/V2__x.sql}
     * @return the text with every placeholder replaced
     * @throws MigrationException naming the placeholder, the script and the line when a placeholder has no value
     */
    public String replace(String text, String origin) {
        String prefix = this.prefix;
        int start = this.enabled ? text.indexOf(prefix) : -1;
        if (start < 0) {
            return text;
        }
        StringBuilder result = new StringBuilder(text.length() + 64);
        int copied = 0;
        char first = prefix.charAt(0);
        start = text.indexOf(first);
        while (start >= 0 && start + prefix.length() <= text.length()) {
            if (!text.startsWith(prefix, start)) {
                // Flyway's reader takes the prefix's first character and what follows it as one unit: with ${, a
                // '$' and the next character, so that next '$' starts nothing
                start = text.indexOf(first, start + prefix.length());
                continue;
            }
            int close = text.indexOf(this.suffix, start + prefix.length());
            if (close < 0) {
                String action = "Close the placeholder with '" + this.suffix + "', or set"
                        + " cairn.placeholder-replacement=false if the script must keep " + prefix + " as it is.";
                throw new MigrationException("Placeholder at line " + line(text, start) + " of " + origin
                        + " has no '" + this.suffix + "' after it: " + action, action);
            }
            String name = text.substring(start + prefix.length(), close);
            String value = value(name);
            if (value == null) {
                throw unknown(name, origin, line(text, start));
            }
            result.append(text, copied, start).append(value);
            copied = close + this.suffix.length();
            start = text.indexOf(first, copied);
        }
        return result.append(text, copied, text.length()).toString();
    }

    private MigrationException unknown(String name, String origin, int line) {
        String key = key(name);
        boolean builtIn = key.startsWith("flyway:") || key.startsWith("cairn:");
        String property = "cairn.placeholders" + (name.matches("[A-Za-z0-9_-]+") ? "." + name : "[" + name + "]");
        String action = "Set " + property + ", or set cairn.placeholder-replacement=false if the script must keep"
                + " " + this.prefix + "..." + this.suffix + " as it is.";
        String problem = !builtIn ? " has no value"
                : BUILT_IN_KEYS.contains(key.substring(key.indexOf(':') + 1)) ? " has no value on this database"
                : " is not one of the built-ins " + BUILT_INS;
        return new MigrationException("Placeholder " + this.prefix + name + this.suffix + " in " + origin + " at line " + line + problem
                + ": " + Character.toLowerCase(action.charAt(0)) + action.substring(1), action);
    }

    /** The 1-based line of a position, counting line breaks as Flyway's checksum does: \n, \r or \r\n. */
    private static int line(String text, int position) {
        int line = 1;
        for (int i = 0; i < position; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static List<String> keys(List<String> names) {
        List<String> keys = new java.util.ArrayList<>(names.size());
        for (String name : names) {
            keys.add(key(name));
        }
        return List.copyOf(keys);
    }

}
