package dev.cairn.actuate;

import org.jspecify.annotations.Nullable;

/**
 * The text of an HTML page being written: markup from this package as it is, every value escaped.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(16 * 1024);

    /**
     * Appends markup written in this package, never a value.
     * @param markup the markup
     * @return this
     */
    Html markup(String markup) {
        this.out.append(markup);
        return this;
    }

    /**
     * Appends a value as text: descriptions, scripts and messages come from files, code and databases.
     * @param value the value, {@code null} for none
     * @return this
     */
    Html text(@Nullable Object value) {
        if (value != null) {
            escape(String.valueOf(value), this.out);
        }
        return this;
    }

    /**
     * A value escaped for text and for attribute values in double or single quotes.
     * @param value the value
     * @return the escaped value
     */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        escape(value, escaped);
        return escaped.toString();
    }

    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    @Override
    public String toString() {
        return this.out.toString();
    }

}
