package dev.cairn.core.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A script that ends inside a string, quoted identifier, comment or dollar quote cannot be split: the error names
 * what is unterminated and the line where it starts.
 */
class SqlSplitterErrorTests {

    @Test
    void namesTheLineOfAnUnterminatedString() {
        assertFailure("SELECT 1;\nSELECT 'it''s;\n;\n", SqlSyntax.POSTGRESQL,
                "unterminated string literal that starts at line 2", 2);
    }

    @Test
    void takesABackslashEscapedQuoteAsPartOfAMySqlString() {
        assertFailure("SELECT 'it\\';\nSELECT 2;\n", SqlSyntax.MYSQL,
                "unterminated string literal that starts at line 1", 1);
    }

    @Test
    void takesABackslashEscapedQuoteAsPartOfAPostgresEscapeString() {
        assertFailure("SELECT 1;\n\nSELECT E'it\\';\n", SqlSyntax.POSTGRESQL,
                "unterminated string literal that starts at line 3", 3);
    }

    @Test
    void namesTheLineOfAnUnterminatedDoubleQuotedMySqlString() {
        assertFailure("SELECT \"a\\\";", SqlSyntax.MYSQL, "unterminated string literal that starts at line 1", 1);
    }

    @Test
    void namesTheLineOfAnUnterminatedQuotedIdentifier() {
        assertFailure("CREATE TABLE t (\n  \"name;\n);", SqlSyntax.STANDARD,
                "unterminated quoted identifier that starts at line 2", 2);
    }

    @Test
    void namesTheLineOfAnUnterminatedBacktick() {
        assertFailure("SELECT 1;\nSELECT `a``b;\n", SqlSyntax.MYSQL,
                "unterminated quoted identifier that starts at line 2", 2);
        assertFailure("SELECT `a;", SqlSyntax.SQLITE, "unterminated quoted identifier that starts at line 1", 1);
    }

    @Test
    void namesTheLineOfAnUnterminatedBracketedIdentifier() {
        assertFailure("\n\nSELECT [a;", SqlSyntax.SQLITE, "unterminated quoted identifier that starts at line 3", 3);
    }

    @Test
    void namesTheLineOfAnUnterminatedBlockComment() {
        assertFailure("SELECT 1; /* a\ncomment;\n", SqlSyntax.SQLITE,
                "unterminated block comment that starts at line 1", 1);
    }

    @Test
    void keepsAPostgresBlockCommentOpenUntilItsNestedCommentsAreClosed() {
        assertFailure("SELECT 1;\n/* outer\n/* inner */\nstill open;\n", SqlSyntax.POSTGRESQL,
                "unterminated block comment that starts at line 2", 2);
    }

    @Test
    void namesTheTagAndLineOfAnUnterminatedDollarQuote() {
        String script = "SELECT 1;\n".repeat(11) + "CREATE FUNCTION f() RETURNS int AS $body$\nSELECT 1;\n$$;\n";
        assertFailure(script, SqlSyntax.POSTGRESQL, "unterminated dollar quote $body$ that starts at line 12", 12);
    }

    @Test
    void namesTheLineOfAnUnterminatedH2DollarQuote() {
        assertFailure("CREATE ALIAS f AS $$\nint f() { return 1; }\n", SqlSyntax.H2,
                "unterminated dollar quote $$ that starts at line 1", 1);
    }

    @Test
    void countsWindowsAndOldMacLineBreaksOnce() {
        assertFailure("SELECT 1;\r\nSELECT 2;\r\n\r\nSELECT 'x;\r\n", SqlSyntax.SQLITE,
                "unterminated string literal that starts at line 4", 4);
        assertFailure("SELECT 1;\rSELECT 'x;", SqlSyntax.SQLITE, "unterminated string literal that starts at line 2", 2);
    }

    @Test
    void rejectsADelimiterLineThatNamesNoDelimiter() {
        assertFailure("SELECT 1;\nDELIMITER\nSELECT 2;", SqlSyntax.MYSQL, "DELIMITER names no delimiter at line 2", 2);
    }

    private static void assertFailure(String script, SqlSyntax syntax, String message, int line) {
        assertThatExceptionOfType(SqlScriptException.class).isThrownBy(() -> SqlSplitter.split(script, syntax))
            .withMessage(message)
            .satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(line));
    }

}
