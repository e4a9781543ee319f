package dev.cairn.core.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import dev.cairn.core.sql.SqlStatement;
import dev.cairn.core.sql.SqlSyntax;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;
import org.jspecify.annotations.Nullable;

/**
 * Classifies the statements of an SQL script with a real SQL parser (JSqlParser), one {@link Change} per statement.
 * What a statement does to the tables older instances use decides: creating, adding a nullable column (or one with a
 * default), an index, comments, grants and data are additive; dropping, renaming, changing a type, adding NOT NULL,
 * a unique index or a constraint, emptying a table are breaking; what the parser cannot read is unclassified.
 */
public final class SqlChanges {

    static final String KEEP = "Leave it in place and stop using it in the application; older instances still use it.";

    static final String ADD_INSTEAD = "Add a new column (or table) instead, write both until every instance runs the"
            + " new version, and stop writing the old one.";

    static final String CONSTRAINT = "Older instances may write rows that break it: enforce the rule in the"
            + " application first, and add the constraint once no older instance runs.";

    static final String UNREADABLE = "Write it as statements Cairn can classify, or declare the script with"
            + " -- cairn:additive when it only adds, or -- cairn:breaking <reason> when it breaks on purpose.";

    /** Statements that change no table, read before parsing: the parser knows few of them. */
    private static final Pattern HARMLESS = Pattern.compile("(?i)(SET|PRAGMA|ANALYZE|VACUUM|OPTIMIZE|REINDEX)\\b.*",
            Pattern.DOTALL);

    private static final Pattern DATA = Pattern.compile("(?i)(INSERT|REPLACE)\\s+INTO\\b.*", Pattern.DOTALL);

    /**
     * The beginnings of the statements that nearly every script is made of, classified as the parser would classify
     * them, without it: parsing is what a script's statements would otherwise cost on every apply (to record whether
     * the migration was additive), and loading the parser alone costs a start a hundred megabytes.
     */
    private static final Pattern CREATES_TABLE = Pattern.compile(
            "(?i)CREATE\\s+(?:(?:GLOBAL\\s+|LOCAL\\s+)?(?:TEMP|TEMPORARY)\\s+|UNLOGGED\\s+)?TABLE\\s");

    private static final Pattern CREATES_INDEX = Pattern.compile("(?i)CREATE\\s+INDEX\\s");

    private static final Pattern CREATES_UNIQUE_INDEX = Pattern.compile("(?i)CREATE\\s+UNIQUE\\s+INDEX\\s");

    private static final Pattern CHANGES_DATA = Pattern.compile("(?i)UPDATE\\s");

    /** PostgreSQL's CONCURRENTLY, which the parser does not know in every position; it changes nothing here. */
    private static final Pattern CONCURRENTLY = Pattern.compile("(?i)^((?:CREATE\\s+(?:UNIQUE\\s+)?|DROP\\s+)INDEX)"
            + "\\s+CONCURRENTLY\\b");

    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s*(--[^\\n]*(\\n|$)|/\\*.*?\\*/))*\\s*",
            Pattern.DOTALL);

    private SqlChanges() {
    }

    /**
     * Classifies a script's statements.
     * @param statements the statements, as split for running
     * @param syntax the database's syntax
     * @return one change per statement, in order
     */
    public static List<Change> of(List<SqlStatement> statements, SqlSyntax syntax) {
        List<Change> changes = new ArrayList<>(statements.size());
        try (Parser parser = new Parser()) {
            for (SqlStatement statement : statements) {
                changes.add(classify(statement.sql(), statement.line(), syntax, parser));
            }
        }
        return changes;
    }

    /**
     * Classifies one statement.
     * @param sql the statement
     * @param line the line it starts on
     * @param syntax the database's syntax
     * @return the change
     */
    public static Change classify(String sql, int line, SqlSyntax syntax) {
        try (Parser parser = new Parser()) {
            return classify(sql, line, syntax, parser);
        }
    }

    /**
     * Whether every statement only adds, as {@link #of} would classify them, without writing what each one is: every
     * applied script records it, and a message is needed only when the policy refuses one.
     * @param statements the statements, as split for running
     * @param syntax the database's syntax
     * @return whether all of them are additive
     */
    public static boolean allAdditive(List<SqlStatement> statements, SqlSyntax syntax) {
        Parser parser = null;
        try {
            for (SqlStatement statement : statements) {
                String effect = quickEffect(withoutLeadingComments(statement.sql()));
                if (effect == UNIQUE_INDEX) {
                    return false;
                }
                if (effect == null) {
                    parser = (parser != null) ? parser : new Parser();
                    if (!classify(statement.sql(), statement.line(), syntax, parser).additive()) {
                        return false;
                    }
                }
            }
            return true;
        }
        finally {
            if (parser != null) {
                parser.close();
            }
        }
    }

    private static final String UNIQUE_INDEX = "creates a unique index";

    /**
     * What a statement of the kinds nearly every script is made of does, recognised by its beginning.
     * @return the effect, or {@code null} when the parser must read the statement
     */
    private static @Nullable String quickEffect(String text) {
        if (HARMLESS.matcher(text).matches()) {
            return "changes a setting or maintains the database";
        }
        if (DATA.matcher(text).matches()) {
            return "inserts data";
        }
        if (CREATES_TABLE.matcher(text).lookingAt()) {
            return "creates a table";
        }
        if (CREATES_INDEX.matcher(text).lookingAt()) {
            return "creates an index";
        }
        if (CREATES_UNIQUE_INDEX.matcher(text).lookingAt()) {
            return UNIQUE_INDEX;
        }
        if (CHANGES_DATA.matcher(text).lookingAt()) {
            return "reads or changes data, not the schema";
        }
        return null;
    }

    private static String withoutLeadingComments(String sql) {
        // Most statements start with a keyword: the pattern only for those that may start with a comment.
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '-' || c == '/') {
                return LEADING_COMMENTS.matcher(sql).replaceFirst("").strip();
            }
            if (!Character.isWhitespace(c)) {
                return sql.strip();
            }
        }
        return "";
    }

    private static Change classify(String sql, int line, SqlSyntax syntax, Parser parser) {
        String text = withoutLeadingComments(sql);
        Named named = new Named(line, text);
        String effect = quickEffect(text);
        if (effect == UNIQUE_INDEX) {
            return Change.breaking(named.what(effect), CONSTRAINT);
        }
        if (effect != null) {
            return Change.additive(named.what(effect));
        }
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(CONCURRENTLY.matcher(text).replaceFirst("$1"), parser.executor(),
                    (ignored) -> {
                    });
        }
        catch (Exception | StackOverflowError ex) {
            return Change.unclassified(named.what("cannot be read by Cairn's SQL parser"), UNREADABLE);
        }
        return classify(statement, named, syntax);
    }

    private static Change classify(Statement statement, Named named, SqlSyntax syntax) {
        if (statement instanceof Alter alter) {
            return AlterChanges.classify(alter, named);
        }
        if (statement instanceof CreateTable) {
            return Change.additive(named.what("creates a table"));
        }
        if (statement instanceof CreateIndex index) {
            String type = index.getIndex().getType();
            return (type != null && type.toUpperCase(Locale.ROOT).contains("UNIQUE"))
                    ? Change.breaking(named.what("creates a unique index"), CONSTRAINT)
                    : Change.additive(named.what("creates an index"));
        }
        if (statement instanceof CreateView view) {
            return (!view.isOrReplace() || syntax == SqlSyntax.POSTGRESQL)
                    // PostgreSQL replaces a view only when its columns stay, with new ones at the end.
                    ? Change.additive(named.what(view.isOrReplace() ? "replaces a view, keeping its columns"
                            : "creates a view"))
                    : Change.breaking(named.what("replaces a view"), "Create a view of a new name instead, and stop"
                            + " using the old one; older instances still read its columns.");
        }
        if (statement instanceof CreateSequence || statement instanceof CreateSchema
                || statement instanceof Comment || statement instanceof Grant) {
            return Change.additive(named.what("adds a sequence, schema, comment or grant"));
        }
        if (statement instanceof Drop drop) {
            return Change.breaking(named.what("drops " + article(drop.getType())), KEEP);
        }
        if (statement instanceof RenameTableStatement) {
            return Change.breaking(named.what("renames a table"), ADD_INSTEAD);
        }
        if (statement instanceof AlterView) {
            return Change.breaking(named.what("redefines a view"), "Create a view of a new name instead, and stop"
                    + " using the old one; older instances still read its columns.");
        }
        if (statement instanceof Truncate || (statement instanceof Delete delete && delete.getWhere() == null)) {
            return Change.breaking(named.what("deletes every row of a table"), "Delete only the rows no instance"
                    + " needs, with a WHERE clause, or do it once no older instance runs.");
        }
        if (statement instanceof Insert || statement instanceof Update || statement instanceof Delete
                || statement instanceof Merge || statement instanceof Upsert || statement instanceof Select) {
            return Change.additive(named.what("reads or changes data, not the schema"));
        }
        if (statement instanceof UnsupportedStatement) {
            return Change.unclassified(named.what("cannot be read by Cairn's SQL parser"), UNREADABLE);
        }
        return Change.unclassified(named.what("is of a kind Cairn does not classify"), UNREADABLE);
    }

    /**
     * The thread the parser runs a statement on, so that it can time out (left to itself it starts a thread per
     * statement), started only when a statement needs the parser.
     */
    private static final class Parser implements AutoCloseable {

        private @Nullable ExecutorService executor;

        ExecutorService executor() {
            if (this.executor == null) {
                this.executor = Executors.newSingleThreadExecutor((task) -> {
                    Thread thread = new Thread(task, "cairn-sql-parser");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            return this.executor;
        }

        @Override
        public void close() {
            if (this.executor != null) {
                this.executor.shutdownNow();
            }
        }

    }

    private static String article(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        return (lower.startsWith("i") ? "an " : "a ") + lower;
    }

    /**
     * A statement as messages name it: its line and its text, shortened to one line.
     */
    record Named(int line, String text) {

        private static final int MAX = 120;

        private static final Pattern WHITESPACE = Pattern.compile("\\s+");

        private static final Pattern END = Pattern.compile(";\\s*$");

        String what(String effect) {
            String oneLine = END.matcher(WHITESPACE.matcher(this.text).replaceAll(" ")).replaceFirst("");
            if (oneLine.length() > MAX) {
                oneLine = oneLine.substring(0, MAX - 3) + "...";
            }
            return "statement at line " + this.line + " " + effect + ": " + oneLine;
        }

    }

}
