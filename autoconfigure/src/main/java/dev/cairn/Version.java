package dev.cairn;

import java.math.BigInteger;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A migration version as Flyway writes it: parts of digits separated by {@code .} or {@code _} ({@code 1},
 * {@code 1.2}, {@code 1_12_10}, {@code 20261121093000}), compared numerically part by part, with trailing zero parts
 * insignificant ({@code 1.0} equals {@code 1}). A Java migration's {@code long} version is a one-part version.
 */
public final class Version implements Comparable<Version> {

    private static final long[] NO_PARTS = new long[0];

    private final long[] parts;

    private final @Nullable BigInteger[] wide;

    private final String text;

    private Version(long[] parts, @Nullable BigInteger[] wide, String text) {
        this.parts = parts;
        this.wide = wide;
        this.text = text;
    }

    /**
     * The one-part version of a Java migration.
     * @param version the version
     * @return the version
     */
    public static Version of(long version) {
        if (version < 0) {
            throw new IllegalArgumentException("Invalid version " + version + ": versions are not negative");
        }
        return new Version((version == 0) ? NO_PARTS : new long[] { version }, null, Long.toString(version));
    }

    /**
     * Parses a version such as {@code 1.12.10} or {@code 1_2}.
     * @param text the version
     * @return the version, shown with {@code .} between its parts
     * @throws IllegalArgumentException when the text is not a version
     */
    public static Version parse(String text) {
        // One pass over the characters: every start reads a version per history row.
        int length = text.length();
        String trimmed = (length > 0 && (text.charAt(0) <= ' ' || text.charAt(length - 1) <= ' ')) ? text.strip()
                : text;
        length = trimmed.length();
        if (length == 0) {
            throw invalid(text);
        }
        int count = 1;
        for (int i = 0; i < length; i++) {
            char c = trimmed.charAt(i);
            if (c == '.' || c == '_') {
                count++;
            }
            else if (c < '0' || c > '9') {
                throw invalid(text);
            }
        }
        long[] parts = new long[count];
        BigInteger[] wide = null;
        int part = 0;
        int start = 0;
        boolean normalized = true;
        for (int i = 0; i <= length; i++) {
            char c = (i < length) ? trimmed.charAt(i) : '.';
            if (c != '.' && c != '_') {
                continue;
            }
            normalized &= (c == '.' || i == length);
            if (i == start) {
                throw invalid(text);
            }
            int from = start;
            while (from < i - 1 && trimmed.charAt(from) == '0') {
                from++;
            }
            if (i - from < 19) {
                long value = 0;
                for (int d = from; d < i; d++) {
                    value = value * 10 + (trimmed.charAt(d) - '0');
                }
                parts[part] = value;
            }
            else {
                // Parts beyond a long (rare, but Flyway allows them) compare as big integers.
                wide = (wide != null) ? wide : new BigInteger[count];
                wide[part] = new BigInteger(trimmed.substring(from, i));
                parts[part] = Long.MAX_VALUE;
            }
            part++;
            start = i + 1;
        }
        int significant = count;
        while (significant > 0 && parts[significant - 1] == 0
                && (wide == null || wide[significant - 1] == null)) {
            significant--;
        }
        return new Version((significant == count) ? parts : Arrays.copyOf(parts, significant),
                (wide != null) ? Arrays.copyOf(wide, significant) : null,
                normalized ? trimmed : trimmed.replace('_', '.'));
    }

    /**
     * Whether the text is a version.
     * @param text the text
     * @return {@code true} when {@link #parse(String)} accepts it
     */
    public static boolean isVersion(@Nullable String text) {
        if (text == null) {
            return false;
        }
        try {
            parse(text);
            return true;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("Invalid version '" + text + "': use digits separated by '.' or '_',"
                + " such as 1, 1.2 or 20261121093000");
    }

    /**
     * The version as one number, where it has at most one part.
     * @return the number, or {@code null} for a version such as {@code 1.2}
     */
    public @Nullable Long asLong() {
        if (this.wide != null) {
            return null;
        }
        return switch (this.parts.length) {
            case 0 -> 0L;
            case 1 -> this.parts[0];
            default -> null;
        };
    }

    @Override
    public int compareTo(Version other) {
        if (this.parts.length == 1 && other.parts.length == 1 && this.wide == null && other.wide == null) {
            // A Java migration's version, and most scripts': every start sorts a thousand of them.
            return Long.compare(this.parts[0], other.parts[0]);
        }
        int length = Math.max(this.parts.length, other.parts.length);
        for (int i = 0; i < length; i++) {
            int compared = (this.wide == null && other.wide == null) ? Long.compare(part(i), other.part(i))
                    : widePart(i).compareTo(other.widePart(i));
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }

    private long part(int i) {
        return (i < this.parts.length) ? this.parts[i] : 0;
    }

    private BigInteger widePart(int i) {
        if (this.wide != null && i < this.wide.length && this.wide[i] != null) {
            return this.wide[i];
        }
        return BigInteger.valueOf(part(i));
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return this == other || (other instanceof Version version && compareTo(version) == 0);
    }

    @Override
    public int hashCode() {
        if (this.wide == null) {
            return Arrays.hashCode(this.parts);
        }
        int hash = 1;
        for (int i = 0; i < this.parts.length; i++) {
            hash = 31 * hash + widePart(i).hashCode();
        }
        return hash;
    }

    /**
     * The version as written, with {@code .} between its parts: {@code 1.12.10}, {@code 4}.
     * @return the text
     */
    @Override
    public String toString() {
        return this.text;
    }

}
