package dev.cairn.core.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits an SQL migration script into the statements a database runs one by one.
 * <p>
 * A small lexer reads the script once, knowing each syntax's strings, quoted identifiers, comments, dollar quotes
 * and the blocks of triggers and routines, so a delimiter inside any of them never ends a statement. No library
 * does this: JSqlParser parses statements of a grammar it knows, but cannot split vendor scripts with
 * {@code DELIMITER} lines, dollar-quoted bodies or procedural blocks, and its maintainers keep it a parser of SQL,
 * not of stored-program languages (<a href="https://github.com/JSQLParser/JSqlParser/issues/794">JSqlParser#794</a>).
 * That is why Flyway and Liquibase lex scripts themselves too.
 * <p>
 * A statement's text is kept as written, from its first token to its last, comments inside it included, so that what
 * runs is what the user wrote. Comments before a statement are not part of it; empty statements are dropped, and
 * the last statement needs no delimiter.
 */
public final class SqlSplitter {

    private final String script;

    private final SqlSyntax syntax;

    private final SqlLexer lexer;

    private final BlockTracker blocks;

    private final List<SqlStatement> statements = new ArrayList<>();

    private int start = -1;

    private int end;

    private int line;

    private SqlSplitter(String script, SqlSyntax syntax) {
        this.script = script;
        this.syntax = syntax;
        this.lexer = new SqlLexer(script, syntax);
        this.blocks = BlockTracker.of(syntax, this.lexer);
    }

    /**
     * Splits a script into its statements.
     * @param script the script's text
     * @param syntax the SQL syntax it is written in
     * @return the statements in the order they appear, empty for a script of only comments and whitespace
     * @throws SqlScriptException if the script ends inside a string, quoted identifier, comment or dollar quote,
     * or has a {@code DELIMITER} line that names no delimiter
     */
    public static List<SqlStatement> split(String script, SqlSyntax syntax) {
        return new SqlSplitter(script, syntax).read();
    }

    private List<SqlStatement> read() {
        for (SqlToken token = this.lexer.next(); token != SqlToken.END; token = this.lexer.next()) {
            if (token == SqlToken.DELIMITER) {
                readDelimiter();
            }
            else if (token != SqlToken.COMMENT) {
                readToken();
            }
        }
        finishStatement();
        return Collections.unmodifiableList(this.statements);
    }

    private void readToken() {
        if (readDelimiterLine()) {
            return;
        }
        if (this.start < 0) {
            this.start = this.lexer.start();
            this.line = this.lexer.lineOf(this.start);
        }
        this.end = this.lexer.end();
        this.blocks.accept();
    }

    private void readDelimiter() {
        if (this.start >= 0 && !this.lexer.customDelimiter()) {
            this.blocks.accept();
            if (this.blocks.open()) {
                this.end = this.lexer.end();
                return;
            }
        }
        finishStatement();
    }

    /**
     * Reads a MySQL {@code DELIMITER} line. The {@code mysql} client takes one at the start of a statement, and
     * also in the middle of one, which it then runs as it is: scripts that end a statement with {@code ;} while
     * another delimiter is in use rely on that. In the middle of a statement only a line that starts with
     * {@code DELIMITER} and names a delimiter counts, outside parentheses and blocks, so that a column named
     * {@code delimiter} is not taken for one.
     * @return whether the current token started a {@code DELIMITER} line
     */
    private boolean readDelimiterLine() {
        if (this.syntax != SqlSyntax.MYSQL || !this.lexer.isWord("DELIMITER")) {
            return false;
        }
        boolean pending = this.start >= 0;
        if (pending && !(this.lexer.startsLine() && this.blocks.atTopLevel())) {
            return false;
        }
        String delimiter = this.lexer.delimiterArgument();
        if (delimiter.isEmpty()) {
            if (pending) {
                return false;
            }
            int delimiterLine = this.lexer.lineOf(this.lexer.start());
            throw new SqlScriptException("DELIMITER names no delimiter at line " + delimiterLine, delimiterLine);
        }
        finishStatement();
        this.lexer.changeDelimiter(delimiter);
        return true;
    }

    private void finishStatement() {
        if (this.start >= 0) {
            String sql = this.script.substring(this.start, this.end);
            SqlLexer statement = this.lexer.region(this.start, this.end);
            boolean transactional = NonTransactionalStatements.canRunInTransaction(statement, this.syntax);
            this.statements.add(new SqlStatement(sql, this.line, transactional));
            this.start = -1;
        }
        this.blocks.reset();
    }

}
