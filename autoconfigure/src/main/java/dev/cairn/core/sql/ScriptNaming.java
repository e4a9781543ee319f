package dev.cairn.core.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.ScriptNames;
import dev.cairn.core.sql.ScriptName.Kind;
import org.jspecify.annotations.Nullable;

/**
 * How script files are named, with Flyway's defaults ({@code V}, {@code U}, {@code R}, {@code __}, {@code .sql}),
 * and the parse of a file name by those rules, matching Flyway 12's {@code ResourceNameParser}.
 */
public final class ScriptNaming {

    /**
     * The ids of Flyway's callback events, each of which names a callback script ({@code beforeMigrate.sql}).
     */
    public static final List<String> CALLBACK_EVENTS = List.of("beforeClean", "afterClean", "afterCleanError",
            "beforeMigrate", "beforeEachMigrate", "beforeEachMigrateStatement", "afterEachMigrateStatement",
            "afterEachMigrateStatementError", "afterEachMigrate", "afterEachMigrateError", "beforeRepeatables",
            "afterVersioned", "afterMigrateApplied", "afterMigrate", "afterMigrateError", "beforeUndo",
            "beforeEachUndo", "beforeEachUndoStatement", "afterEachUndoStatement", "afterEachUndoStatementError",
            "afterEachUndo", "afterEachUndoError", "afterUndo", "afterUndoError", "beforeValidate", "afterValidate",
            "afterValidateError", "beforeBaseline", "afterBaseline", "afterBaselineError", "beforeRepair",
            "afterRepair", "afterRepairError", "beforeInfo", "afterInfo", "afterInfoError",
            "afterMigrateOperationFinish", "afterInfoOperationFinish", "createSchema", "beforeCreateSchema",
            "beforeConnect", "afterConnect");

    // A class rather than a lambda: a start links no call site it need not.
    private static final Comparator<Prefix> LONGEST_FIRST = new Comparator<>() {
        @Override
        public int compare(Prefix a, Prefix b) {
            return Integer.compare(b.text().length(), a.text().length());
        }
    };

    private static final ScriptNaming DEFAULTS = new ScriptNaming(ScriptNames.FLYWAY);

    private final ScriptNames names;

    /**
     * Every prefix with what it names, by its first character so that a file name is compared with one or two of
     * them, longest first so that {@code afterMigrateError} wins over {@code afterMigrate}.
     */
    private final Map<Character, List<Prefix>> byFirstCharacter;

    /**
     * Creates naming rules; {@link #defaults()} has Flyway's.
     * @param names the prefixes, separator and suffixes; suffixes are matched ignoring case, as Flyway does
     */
    public ScriptNaming(ScriptNames names) {
        this.names = names;
        List<Prefix> prefixes = new ArrayList<>();
        prefixes.add(new Prefix(names.versionedPrefix(), Kind.VERSIONED));
        prefixes.add(new Prefix(names.undoPrefix(), Kind.UNDO));
        prefixes.add(new Prefix(names.repeatablePrefix(), Kind.REPEATABLE));
        for (String event : CALLBACK_EVENTS) {
            prefixes.add(new Prefix(event, Kind.CALLBACK));
        }
        prefixes.sort(LONGEST_FIRST);
        Map<Character, List<Prefix>> byFirstCharacter = new HashMap<>();
        for (Prefix prefix : prefixes) {
            List<Prefix> starting = byFirstCharacter.get(prefix.text().charAt(0));
            if (starting == null) {
                starting = new ArrayList<>();
                byFirstCharacter.put(prefix.text().charAt(0), starting);
            }
            starting.add(prefix);
        }
        this.byFirstCharacter = byFirstCharacter;
    }

    /**
     * Flyway's default naming: {@code V1__x.sql}, {@code U1__x.sql}, {@code R__x.sql}.
     * @return the defaults
     */
    public static ScriptNaming defaults() {
        return DEFAULTS;
    }

    public ScriptNames names() {
        return this.names;
    }

    /**
     * Parses a file name.
     * @param fileName the name without folders, such as {@code V1_1__add_email_index.sql}
     * @return what the name says the file is; never {@code null}
     */
    public ScriptName parse(String fileName) {
        String suffix = suffixOf(fileName);
        if (suffix == null) {
            return ScriptName.notAMigration(fileName);
        }
        String base = fileName.substring(0, fileName.length() - suffix.length());
        Prefix prefix = prefixOf(base);
        if (prefix == null) {
            return ScriptName.suspicious(fileName, unknownPrefix(base));
        }
        String rest = base.substring(prefix.text().length());
        int at = rest.indexOf(this.names.separator());
        String before = (at >= 0) ? rest.substring(0, at) : rest;
        String after = (at >= 0) ? rest.substring(at + this.names.separator().length()) : "";
        String example = this.names.separator() + (after.isEmpty() ? "description" : after) + suffix;
        if (prefix.kind() == Kind.VERSIONED || prefix.kind() == Kind.UNDO) {
            if (before.isEmpty()) {
                return ScriptName.suspicious(fileName,
                        "it has no version; it should look like " + prefix.text() + "1.2" + example);
            }
            if (!isVersion(before)) {
                return ScriptName.suspicious(fileName, (at < 0) ? noSeparator(prefix.text(), before, suffix)
                        : "'" + before + "' is not a version; a version is numbers separated by . or _, such as 1,"
                                + " 1.2, 1_2_3 or 20261121093000");
            }
            // Like Flyway, a name without separator and description (V1.2.sql) is valid, with an empty description
            return ScriptName.versioned(prefix.kind(), fileName, before, after.replace('_', ' '));
        }
        if (!before.isEmpty()) {
            String what = (prefix.kind() == Kind.REPEATABLE) ? "a repeatable script" : "a callback script";
            return ScriptName.suspicious(fileName, what + " takes nothing between '" + prefix.text() + "' and '"
                    + this.names.separator() + "'; it should look like " + prefix.text() + example);
        }
        String description = after.replace('_', ' ');
        return (prefix.kind() == Kind.REPEATABLE) ? ScriptName.repeatable(fileName, description)
                : ScriptName.callback(fileName, prefix.text(), description);
    }

    /**
     * Whether a text is a version in Flyway's grammar: numbers separated by {@code .} or {@code _}, leading zeros
     * allowed ({@code 1}, {@code 1.2}, {@code 1_2_3}, {@code 2.1.0.49.5}, {@code 20261121093000}).
     * @param text the text
     * @return {@code true} when it is a version
     */
    public static boolean isVersion(String text) {
        boolean digitBefore = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                digitBefore = true;
            }
            else if ((c == '.' || c == '_') && digitBefore) {
                digitBefore = false;
            }
            else {
                return false;
            }
        }
        return digitBefore;
    }

    private @Nullable String suffixOf(String fileName) {
        for (String suffix : this.names.suffixes()) {
            int start = fileName.length() - suffix.length();
            if (start > 0 && fileName.regionMatches(true, start, suffix, 0, suffix.length())) {
                // Flyway keeps the suffix as the file has it (.SQL), not as configured
                return fileName.substring(start);
            }
        }
        return null;
    }

    private @Nullable Prefix prefixOf(String base) {
        List<Prefix> candidates = base.isEmpty() ? null : this.byFirstCharacter.get(base.charAt(0));
        if (candidates == null) {
            return null;
        }
        for (Prefix prefix : candidates) {
            if (base.startsWith(prefix.text())) {
                return prefix;
            }
        }
        return null;
    }

    private String unknownPrefix(String base) {
        for (String prefix : List.of(this.names.versionedPrefix(), this.names.undoPrefix(), this.names.repeatablePrefix())) {
            int length = prefix.length();
            if (base.length() > length && base.regionMatches(true, 0, prefix, 0, length)
                    && (isDigit(base.charAt(length)) || base.startsWith(this.names.separator(), length))) {
                return "prefixes are case-sensitive: '" + base.substring(0, length) + "' is not '" + prefix + "'";
            }
        }
        return "it does not start with " + this.names.versionedPrefix() + " (versioned), " + this.names.undoPrefix() + " (undo), "
                + this.names.repeatablePrefix() + " (repeatable) or a Flyway callback event such as beforeMigrate";
    }

    private String noSeparator(String prefix, String rest, String suffix) {
        String problem = "it has no '" + this.names.separator() + "' between the version and the description";
        // V366_remove_x.sql: suggest V366__remove_x.sql, cutting after the longest version at the start
        int end = 0;
        for (int i = 0; i < rest.length() && isDigit(rest.charAt(i)); i++) {
            end = i + 1;
            if (i + 2 < rest.length() && (rest.charAt(i + 1) == '.' || rest.charAt(i + 1) == '_')
                    && isDigit(rest.charAt(i + 2))) {
                i++;
            }
        }
        if (end > 0 && end + 1 < rest.length() && (rest.charAt(end) == '_' || rest.charAt(end) == '.')) {
            return problem + "; it should look like " + prefix + rest.substring(0, end) + this.names.separator()
                    + rest.substring(end + 1) + suffix;
        }
        return problem + "; it should look like " + prefix + "1.2" + this.names.separator() + "description" + suffix;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return this.names.versionedPrefix() + "<version>" + this.names.separator() + "<description>" + this.names.suffixes() + ", "
                + this.names.undoPrefix() + "<version>" + this.names.separator() + "<description>, " + this.names.repeatablePrefix()
                + this.names.separator() + "<description>";
    }

    private record Prefix(String text, Kind kind) {
    }

}
