package dev.cairn;

import java.util.List;

/**
 * How SQL migration scripts are named, as Flyway names them by default: {@code V1__create_users.sql} (versioned),
 * {@code U1__create_users.sql} (its undo) and {@code R__views.sql} (repeatable).
 *
 * @param versionedPrefix the prefix of versioned scripts (cairn.sql-migration-prefix)
 * @param undoPrefix the prefix of undo scripts (cairn.undo-sql-migration-prefix)
 * @param repeatablePrefix the prefix of repeatable scripts (cairn.repeatable-sql-migration-prefix)
 * @param separator what separates the version from the description (cairn.sql-migration-separator)
 * @param suffixes the file name endings of scripts (cairn.sql-migration-suffixes)
 */
public record ScriptNames(String versionedPrefix, String undoPrefix, String repeatablePrefix, String separator,
        List<String> suffixes) {

    /** Flyway's defaults. */
    public static final ScriptNames FLYWAY = new ScriptNames("V", "U", "R", "__", List.of(".sql"));

    public ScriptNames {
        requireText(versionedPrefix, "cairn.sql-migration-prefix");
        requireText(undoPrefix, "cairn.undo-sql-migration-prefix");
        requireText(repeatablePrefix, "cairn.repeatable-sql-migration-prefix");
        requireText(separator, "cairn.sql-migration-separator");
        if (suffixes.isEmpty() || suffixes.contains("")) {
            throw new MigrationException("Invalid script suffixes " + suffixes + " (cairn.sql-migration-suffixes)",
                    "Set cairn.sql-migration-suffixes to one or more file name endings such as .sql.");
        }
        suffixes = List.copyOf(suffixes);
    }

    private static void requireText(String value, String property) {
        if (value.isEmpty()) {
            throw new MigrationException("Invalid empty value of " + property,
                    "Set " + property + " to a non-empty text, or remove it to use Flyway's default.");
        }
    }

}
