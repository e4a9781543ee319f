package dev.cairn.core.schema;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What makes two spellings of one type or default the same in a snapshot.
 */
final class Normalize {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Pattern SPACE_AROUND_PUNCTUATION = Pattern.compile("\\s*([(),])\\s*");

    /** PostgreSQL's cast of a literal to its column's type: {@code 'medium'::character varying}. */
    private static final Pattern LITERAL_CAST = Pattern
        .compile("('(?:[^']|'')*'|\\b(?:NULL|null)\\b|-?\\d+(?:\\.\\d+)?)::[a-zA-Z_][\\w ]*(?:\\(\\d+(?:,\\s*\\d+)?\\))?(?:\\[\\])?");

    private Normalize() {
    }

    /**
     * A type upper case, with single spaces and none around parentheses and commas: {@code VARCHAR(20)}.
     */
    static String type(String type) {
        if (!hasWhitespace(type)) {
            // as nearly every type is: a start reads thousands of columns, mostly before the JIT has compiled regexes
            return type.toUpperCase(Locale.ROOT);
        }
        String spaced = SPACES.matcher(type.strip()).replaceAll(" ");
        return SPACE_AROUND_PUNCTUATION.matcher(spaced).replaceAll("$1").toUpperCase(Locale.ROOT);
    }

    /**
     * A default without the casts PostgreSQL adds to literals and the parentheses some databases enclose it in;
     * {@code null} for none, or a default of NULL.
     */
    static @Nullable String defaultValue(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        String normalized = stripped.contains("::") ? LITERAL_CAST.matcher(stripped).replaceAll("$1") : stripped;
        while (normalized.length() > 1 && normalized.startsWith("(") && normalized.endsWith(")")
                && enclosed(normalized)) {
            normalized = normalized.substring(1, normalized.length() - 1).strip();
        }
        return (normalized.isEmpty() || normalized.equalsIgnoreCase("NULL")) ? null : normalized;
    }

    private static boolean hasWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the first parenthesis closes at the end, as in {@code (1)} but not {@code (1) + (2)}.
     */
    private static boolean enclosed(String value) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            else if (!quoted && c == '(') {
                depth++;
            }
            else if (!quoted && c == ')' && --depth == 0 && i < value.length() - 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * A name as the database folds it: lower case, as Cairn's own names are compared.
     */
    static String name(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

}
