package dev.cairn.core.sql;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.cairn.MigrationException;

/**
 * A place where scripts are found, written as in Flyway's {@code locations}: {@code classpath:db/migration},
 * {@code filesystem:/srv/sql}, or a path without prefix, which is on the classpath.
 *
 * @param descriptor the location as configured
 * @param classpath {@code true} for a classpath location, {@code false} for a filesystem one
 * @param path the path: on the classpath without leading or trailing slash ({@code db/migration}), on the
 * filesystem as written (relative paths are relative to the working directory)
 */
public record ScriptLocation(String descriptor, boolean classpath, String path) {

    private static final String CLASSPATH = "classpath:";

    private static final String FILESYSTEM = "filesystem:";

    /** {@code C:\sql} and {@code file:///sql} have a colon that is not a prefix, as in Flyway's LocationParser. */
    private static final Pattern NOT_A_PREFIX = Pattern.compile("^([A-Za-z]:[\\\\/]|file:[\\\\/]{3}).*");

    /**
     * Parses a configured location.
     * @param descriptor the location, such as {@code classpath:db/migration}
     * @return the location
     * @throws MigrationException when the prefix is neither {@code classpath:} nor {@code filesystem:}, or the path
     * has wildcards
     */
    public static ScriptLocation parse(String descriptor) {
        String trimmed = descriptor.trim();
        int colon = trimmed.indexOf(':');
        String path;
        boolean classpath;
        if (colon < 0 || NOT_A_PREFIX.matcher(trimmed).matches()) {
            classpath = true;
            path = trimmed;
        }
        else {
            String prefix = trimmed.substring(0, colon + 1).toLowerCase(Locale.ROOT);
            if (!prefix.equals(CLASSPATH) && !prefix.equals(FILESYSTEM)) {
                throw new MigrationException("Unknown prefix in script location '" + descriptor
                        + "'; Cairn reads classpath: and filesystem: locations",
                        "Write cairn.locations as classpath:db/migration or filesystem:/path/to/scripts.");
            }
            classpath = prefix.equals(CLASSPATH);
            path = trimmed.substring(colon + 1);
        }
        if (path.contains("*") || path.contains("?")) {
            throw new MigrationException("Script location '" + descriptor + "' has a wildcard, which Cairn does"
                    + " not support", "List each folder in cairn.locations; folders below a location are read too.");
        }
        if (classpath) {
            path = trim(path);
        }
        return new ScriptLocation(descriptor, classpath, path);
    }

    private static String trim(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    /**
     * Where a script below this location comes from, for messages: {@code classpath:db/migration/V2__x.sql}.
     * @param relativePath the script's path below the location
     * @return the script's origin
     */
    public String originOf(String relativePath) {
        String location = toString();
        return location.endsWith("/") ? location + relativePath : location + "/" + relativePath;
    }

    @Override
    public String toString() {
        return (this.classpath ? CLASSPATH : FILESYSTEM) + this.path;
    }

}
