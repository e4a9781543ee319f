package dev.cairn.core.source;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cairn.MigrationContext;
import dev.cairn.MigrationException;
import dev.cairn.Version;
import dev.cairn.core.change.Change;
import dev.cairn.core.change.SqlChanges;
import dev.cairn.core.sql.Placeholders;
import dev.cairn.core.sql.SqlScript;
import dev.cairn.core.sql.SqlScriptException;
import dev.cairn.core.sql.SqlSplitter;
import dev.cairn.core.sql.SqlStatement;
import dev.cairn.core.sql.SqlSyntax;
import org.jspecify.annotations.Nullable;

/**
 * A versioned ({@code V}) or repeatable ({@code R}) SQL script, with its undo ({@code U}) script where it has one.
 * Its text is read, its placeholders replaced and its statements split only when it is about to run.
 */
public final class SqlMigration implements ExecutableMigration {

    /** The type recorded for SQL script migrations. */
    public static final String TYPE = "SQL";

    private static final String NO_TRANSACTION = "-- cairn:no-transaction";

    private static final String REQUIRES_BACKGROUND = "-- cairn:requires-background";

    private static final String DESTROYS = "-- cairn:destroys";

    private static final String BREAKING = "-- cairn:breaking";

    private static final String ADDITIVE = "-- cairn:additive";

    /** What may follow {@code -- cairn:}. */
    private static final Set<String> DIRECTIVES = Set.of("no-transaction", "requires-background", "destroys",
            "breaking", "additive");

    private static final Pattern DIRECTIVE = Pattern.compile("--\\s*cairn:([A-Za-z_-]*)");

    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final SqlScript script;

    private final @Nullable SqlScript undo;

    private final @Nullable Version version;

    private final String description;

    private final int checksum;

    private final Placeholders placeholders;

    private final SqlSyntax syntax;

    private @Nullable Statements statements;

    private volatile @Nullable List<Change> changes;

    SqlMigration(SqlScript script, @Nullable SqlScript undo, Placeholders placeholders, SqlSyntax syntax) {
        this.script = script;
        this.undo = undo;
        String version = script.name().normalizedVersion();
        this.version = (version != null) ? Version.parse(version) : null;
        this.description = String.valueOf(script.name().description());
        this.placeholders = placeholders;
        this.syntax = syntax;
        this.checksum = script.checksum(placeholders);
    }

    @Override
    public @Nullable Version version() {
        return this.version;
    }

    @Override
    public String description() {
        return this.description;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String origin() {
        return this.script.origin();
    }

    @Override
    public String script() {
        return this.script.file().relativePath();
    }

    @Override
    public Integer checksum() {
        return this.checksum;
    }

    /**
     * Whether the script runs in a transaction: not when its first line is {@code -- cairn:no-transaction}, its
     * {@code .conf} says {@code executeInTransaction=false}, or one of its statements cannot run in one (PostgreSQL's
     * {@code CREATE INDEX CONCURRENTLY}, SQLite's {@code VACUUM}); then the whole script runs without one.
     * @return whether it runs in a transaction
     */
    @Override
    public boolean transactional() {
        return statements().transactional();
    }

    /**
     * The background migrations named on {@code -- cairn:requires-background} lines at the top of the script.
     * @return their ids
     */
    @Override
    public Set<String> requiredBackgroundMigrations() {
        return statements().requiredBackgroundMigrations();
    }

    /**
     * The tables named on {@code -- cairn:destroys} lines at the top of the script, backed up before it runs.
     * @return the tables
     */
    @Override
    public Set<String> destroys() {
        return statements().destroys();
    }

    /**
     * One change per statement, classified by {@link SqlChanges}; a script that opens with
     * {@code -- cairn:additive} is one additive change, as it declares.
     * @return the changes
     */
    @Override
    public List<Change> changes() {
        List<Change> changes = this.changes;
        if (changes == null) {
            Statements statements = statements();
            changes = statements.additive() ? List.of(Change.additive(origin() + " declares " + ADDITIVE))
                    : List.copyOf(SqlChanges.of(statements.list(), this.syntax));
            this.changes = changes;
        }
        return changes;
    }

    /**
     * Whether the script only adds, as {@link #changes()} would say, without writing what each statement is: every
     * applied script records it.
     * @return whether it is additive
     */
    @Override
    public boolean additive() {
        List<Change> changes = this.changes;
        if (changes != null) {
            return breakingReason() == null && Change.allAdditive(changes);
        }
        Statements statements = statements();
        return statements.breakingReason() == null
                && (statements.additive() || SqlChanges.allAdditive(statements.list(), this.syntax));
    }

    /**
     * The reason on the {@code -- cairn:breaking <reason>} line at the top of the script.
     * @return the reason, or {@code null}
     */
    @Override
    public @Nullable String breakingReason() {
        return statements().breakingReason();
    }

    @Override
    public boolean reversible() {
        return this.undo != null;
    }

    /**
     * The script's statements with placeholders replaced, split as they will run; kept until the script runs, as
     * {@link #transactional()} keeps them.
     * @return the statements
     */
    @Override
    public List<SqlStatement> plannedStatements() {
        return statements().list();
    }

    @Override
    public void up(MigrationContext context) throws SQLException {
        Statements statements = statements();
        this.statements = null;
        execute(context.connection(), statements.list());
    }

    @Override
    public void down(MigrationContext context) throws SQLException {
        if (this.undo == null) {
            throw new IllegalStateException(displayName() + " has no undo script");
        }
        execute(context.connection(), parse(this.undo).list());
    }

    /**
     * Runs a script's statements on a connection, naming the one that fails and its line.
     * @param connection the connection
     * @param statements the statements
     * @throws SQLException when the connection cannot make a statement
     */
    static void execute(Connection connection, List<SqlStatement> statements) throws SQLException {
        try (Statement jdbc = connection.createStatement()) {
            // What runs is exactly the script's text: no JDBC escapes such as {fn now()} are rewritten, as in Flyway.
            jdbc.setEscapeProcessing(false);
            for (SqlStatement statement : statements) {
                try {
                    jdbc.execute(statement.sql());
                }
                catch (SQLException ex) {
                    throw new StatementException(statement.sql(), statement.line(), ex);
                }
            }
        }
    }

    private Statements statements() {
        Statements statements = this.statements;
        if (statements == null) {
            statements = parse(this.script);
            this.statements = statements;
        }
        return statements;
    }

    private Statements parse(SqlScript script) {
        return parse(script, this.placeholders, this.syntax);
    }

    static Statements parse(SqlScript script, Placeholders placeholders, SqlSyntax syntax) {
        String text = script.text(placeholders);
        List<SqlStatement> statements;
        try {
            statements = SqlSplitter.split(text, syntax);
        }
        catch (SqlScriptException ex) {
            throw new MigrationException(script.origin() + ", line " + ex.getLine() + ": " + ex.getMessage(),
                    "Fix the script: close what the message names, and make sure it is written for " + syntax + ".",
                    ex);
        }
        checkDirectives(script, text);
        boolean transactional = script.executeInTransaction(!firstLine(text).equals(NO_TRANSACTION))
                && statements.stream().allMatch(SqlStatement::transactional);
        return new Statements(statements, transactional, requiredBackgroundMigrations(script, text),
                destroys(script, text), breakingReason(script, text), declared(text, ADDITIVE) != null);
    }

    /**
     * Refuses a {@code cairn:} directive it does not know among the comment lines that open the script: a misspelt
     * {@code -- cairn:destroys} would otherwise run a destructive script without its backup.
     */
    private static void checkDirectives(SqlScript script, String text) {
        for (Map.Entry<Integer, String> comment : openingComments(text)) {
            Matcher directive = DIRECTIVE.matcher(comment.getValue());
            if (directive.lookingAt() && !DIRECTIVES.contains(directive.group(1).toLowerCase(Locale.ROOT))) {
                throw new MigrationException(script.origin() + ", line " + comment.getKey() + ": unknown directive"
                        + " cairn:" + directive.group(1) + "; nothing was run", "Write one of " + DIRECTIVES.stream()
                            .map((name) -> "-- cairn:" + name)
                            .sorted()
                            .toList() + ", or put a space after \"cairn\" if the line is only a comment.");
            }
        }
    }

    /**
     * The comment lines that open a script, stripped, by line number; blank lines among them are skipped.
     */
    private static List<Map.Entry<Integer, String>> openingComments(String text) {
        List<Map.Entry<Integer, String>> comments = new ArrayList<>();
        int line = 0;
        for (String raw : (Iterable<String>) text.lines()::iterator) {
            line++;
            String stripped = raw.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("--")) {
                break;
            }
            if (!stripped.isEmpty()) {
                comments.add(Map.entry(line, stripped));
            }
        }
        return comments;
    }

    /**
     * The ids on {@code -- cairn:requires-background 1, 2} lines among the comment lines that open the script.
     */
    private static Set<String> requiredBackgroundMigrations(SqlScript script, String text) {
        return directive(script, text, REQUIRES_BACKGROUND, Version::isVersion, "the id of a background migration",
                "Write the ids of the background migrations the script requires as versions, separated by commas:"
                        + " " + REQUIRES_BACKGROUND + " 1, 2");
    }

    /**
     * The tables on {@code -- cairn:destroys todos, users} lines among the comment lines that open the script.
     */
    private static Set<String> destroys(SqlScript script, String text) {
        return directive(script, text, DESTROYS, (name) -> TABLE.matcher(name).matches(), "a table name",
                "Name the tables whose data the script drops or rewrites, separated by commas: " + DESTROYS
                        + " todos, users");
    }

    /**
     * The reason on a {@code -- cairn:breaking <reason>} line among the comment lines that open the script.
     */
    private static @Nullable String breakingReason(SqlScript script, String text) {
        Map.Entry<Integer, String> line = declared(text, BREAKING);
        if (line == null) {
            return null;
        }
        String reason = line.getValue().substring(BREAKING.length()).strip();
        if (reason.isEmpty()) {
            throw new MigrationException(script.origin() + ", line " + line.getKey() + ": " + BREAKING
                    + " without a reason", "Say why the script breaks older versions on purpose, such as " + BREAKING
                            + " drops todos.title, which no instance reads since 2.3");
        }
        return reason;
    }

    private static Map.@Nullable Entry<Integer, String> declared(String text, String directive) {
        for (Map.Entry<Integer, String> comment : openingComments(text)) {
            String lower = comment.getValue().toLowerCase(Locale.ROOT);
            if (lower.startsWith(directive) && (lower.length() == directive.length()
                    || Character.isWhitespace(lower.charAt(directive.length())))) {
                return comment;
            }
        }
        return null;
    }

    private static Set<String> directive(SqlScript script, String text, String directive,
            Predicate<String> valid, String what, String action) {
        Set<String> values = new LinkedHashSet<>();
        for (Map.Entry<Integer, String> comment : openingComments(text)) {
            String stripped = comment.getValue();
            if (!stripped.toLowerCase(Locale.ROOT).startsWith(directive)) {
                continue;
            }
            for (String value : stripped.substring(directive.length()).split("[,\\s]+")) {
                if (value.isEmpty()) {
                    continue;
                }
                if (!valid.test(value)) {
                    throw new MigrationException(script.origin() + ", line " + comment.getKey() + ": '" + value
                            + "' is not " + what, action);
                }
                values.add(value);
            }
        }
        return values.isEmpty() ? Set.of() : Set.copyOf(values);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return ((end >= 0) ? text.substring(0, end) : text).strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return displayName();
    }

    /**
     * A script's statements, and whether they may run in a transaction.
     *
     * @param list the statements
     * @param transactional whether they run in a transaction
     * @param requiredBackgroundMigrations the background migrations the script requires
     * @param destroys the tables whose data the script drops or rewrites
     * @param breakingReason why the script breaks older versions on purpose, {@code null} when it does not say
     * @param additive whether the script declares that it only adds
     */
    record Statements(List<SqlStatement> list, boolean transactional, Set<String> requiredBackgroundMigrations,
            Set<String> destroys, @Nullable String breakingReason, boolean additive) {

    }

}
