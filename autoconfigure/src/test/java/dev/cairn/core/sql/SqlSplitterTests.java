package dev.cairn.core.sql;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of splitting, each shown on the smallest script that needs it; the corpus shows them in realistic scripts.
 */
class SqlSplitterTests {

    @Test
    void givesNoStatementsForAnEmptyOrCommentOnlyScript() {
        assertThat(SqlSplitter.split("", SqlSyntax.STANDARD)).isEmpty();
        assertThat(SqlSplitter.split("  \n\t\r\n", SqlSyntax.POSTGRESQL)).isEmpty();
        assertThat(SqlSplitter.split("-- nothing\n/* at all */\n", SqlSyntax.SQLITE)).isEmpty();
        assertThat(SqlSplitter.split("# nothing\n", SqlSyntax.MYSQL)).isEmpty();
    }

    @Test
    void dropsEmptyStatements() {
        assertThat(sqls(";\n;;SELECT 1;;\n;", SqlSyntax.STANDARD)).containsExactly("SELECT 1");
    }

    @Test
    void keepsALastStatementThatHasNoDelimiter() {
        assertThat(sqls("SELECT 1;\nSELECT 2\n", SqlSyntax.STANDARD)).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void startsAStatementAtItsFirstTokenAfterTheCommentsBeforeIt() {
        List<SqlStatement> statements = SqlSplitter.split("-- one\n/* two\n*/\n\n  SELECT 1;", SqlSyntax.STANDARD);
        assertThat(statements).containsExactly(new SqlStatement("SELECT 1", 5, true));
    }

    @Test
    void keepsAStatementAsWrittenWithTheCommentsInsideIt() {
        String statement = "SELECT  a, -- the first\n\t/* the second */ b\n  FROM t";
        assertThat(sqls(statement + "  ;", SqlSyntax.STANDARD)).containsExactly(statement);
    }

    @Test
    void ignoresAByteOrderMarkAtTheStart() {
        assertThat(SqlSplitter.split("\uFEFFSELECT 1;", SqlSyntax.STANDARD))
            .containsExactly(new SqlStatement("SELECT 1", 1, true));
    }

    @Test
    void takesPostgresPositionalParametersAndDollarsInNamesForWhatTheyAre() {
        assertThat(sqls("SELECT $1 + $2; SELECT a$b$ FROM t; SELECT 3", SqlSyntax.POSTGRESQL))
            .containsExactly("SELECT $1 + $2", "SELECT a$b$ FROM t", "SELECT 3");
    }

    @Test
    void endsADollarQuoteOnlyAtItsOwnTag() {
        assertThat(sqls("SELECT $a$ $b$ ; $b$ $$ ; $$ $a$; SELECT 2", SqlSyntax.POSTGRESQL))
            .containsExactly("SELECT $a$ $b$ ; $b$ $$ ; $$ $a$", "SELECT 2");
    }

    @Test
    void quotesWithDollarsOnlyWhereTheSyntaxDoes() {
        assertThat(sqls("SELECT $$a;b$$", SqlSyntax.H2)).containsExactly("SELECT $$a;b$$");
        assertThat(sqls("SELECT $x$a;b$x$", SqlSyntax.H2)).containsExactly("SELECT $x$a", "b$x$");
        assertThat(sqls("SELECT $$a;b$$", SqlSyntax.MYSQL)).containsExactly("SELECT $$a", "b$$");
    }

    @Test
    void startsAMySqlDashCommentOnlyBeforeWhitespace() {
        assertThat(sqls("SELECT 1--1;SELECT 2 --;\nSELECT 3 -- ;\n;", SqlSyntax.MYSQL))
            .containsExactly("SELECT 1--1", "SELECT 2 --", "SELECT 3");
        assertThat(sqls("SELECT 2 --;\n;", SqlSyntax.POSTGRESQL)).containsExactly("SELECT 2");
    }

    @Test
    void takesHashForACommentOnlyInMySql() {
        assertThat(sqls("SELECT 1 # a;\n;", SqlSyntax.MYSQL)).containsExactly("SELECT 1");
        assertThat(sqls("SELECT 1 # a;\n;", SqlSyntax.POSTGRESQL)).containsExactly("SELECT 1 # a");
    }

    @Test
    void keepsMySqlExecutableCommentsAsStatements() {
        assertThat(sqls("/* plain */;\n/*!40101 SET NAMES utf8 */;\n/*M!100100 SET @a = 1 */;", SqlSyntax.MYSQL))
            .containsExactly("/*!40101 SET NAMES utf8 */", "/*M!100100 SET @a = 1 */");
    }

    @Test
    void readsDelimiterLinesOnlyForMySql() {
        String script = "DELIMITER $$\nSELECT 1; SELECT 2$$\nDELIMITER ;\nSELECT 3;";
        assertThat(SqlSplitter.split(script, SqlSyntax.MYSQL)).containsExactly(
                new SqlStatement("SELECT 1; SELECT 2", 2, true), new SqlStatement("SELECT 3", 4, true));
        assertThat(sqls(script, SqlSyntax.STANDARD)).containsExactly("DELIMITER $$\nSELECT 1", "SELECT 2$$\nDELIMITER",
                "SELECT 3");
    }

    @Test
    void endsAMySqlStatementAtACustomDelimiterWrittenAgainstAWord() {
        assertThat(sqls("DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//SELECT 2//", SqlSyntax.MYSQL))
            .containsExactly("CREATE PROCEDURE p() BEGIN SELECT 1; END", "SELECT 2");
        assertThat(sqls("delimiter $$\nSELECT a$$b$$\n", SqlSyntax.MYSQL)).containsExactly("SELECT a", "b");
    }

    @Test
    void runsAStatementLeftPendingBeforeADelimiterLineAsTheMysqlClientDoes() {
        String script = "DELIMITER //\nUPDATE t SET a = 1;\nDELIMITER ;\nSELECT 1\nDELIMITER //\nSELECT 2//";
        assertThat(sqls(script, SqlSyntax.MYSQL)).containsExactly("UPDATE t SET a = 1;", "SELECT 1", "SELECT 2");
    }

    @Test
    void takesDelimiterInsideAStatementForANameWhereItCannotBeALine() {
        String create = "CREATE TABLE t (\n  delimiter CHAR(1)\n)";
        String select = "SELECT a,\ndelimiter\nFROM t";
        String update = "UPDATE t SET a = 1 WHERE delimiter = ','";
        assertThat(sqls(create + ";\n" + select + ";\n" + update + ";", SqlSyntax.MYSQL))
            .containsExactly(create, select, update);
    }

    @Test
    void takesABareBeginForAStatementOfItsOwn() {
        assertThat(sqls("BEGIN; SELECT 1; END;", SqlSyntax.SQLITE)).containsExactly("BEGIN", "SELECT 1", "END");
        assertThat(sqls("BEGIN; SELECT 1; COMMIT;", SqlSyntax.MYSQL)).containsExactly("BEGIN", "SELECT 1", "COMMIT");
        assertThat(sqls("BEGIN; SELECT 1; END;", SqlSyntax.POSTGRESQL)).containsExactly("BEGIN", "SELECT 1", "END");
    }

    @Test
    void tellsMySqlIfStatementsFromIfExistsAndTheIfFunction() {
        String procedure = "CREATE PROCEDURE p() BEGIN DROP TABLE IF EXISTS t; CREATE TABLE IF NOT EXISTS t (a INT); "
                + "IF EXISTS (SELECT 1) THEN SELECT IF(1, 2, 3); END IF; IF NOT (1 > 2) THEN SELECT 1; END IF; END";
        assertThat(sqls(procedure + "; SELECT 2", SqlSyntax.MYSQL)).containsExactly(procedure, "SELECT 2");
    }

    @Test
    void tellsTheMySqlRepeatStatementFromTheRepeatFunction() {
        String procedure = "CREATE PROCEDURE p() BEGIN SELECT REPEAT('a', 2); REPEAT SELECT 1; UNTIL TRUE END REPEAT; END";
        assertThat(sqls(procedure + "; SELECT 2", SqlSyntax.MYSQL)).containsExactly(procedure, "SELECT 2");
    }

    @Test
    void followsMySqlBlocksAfterADefinerClause() {
        String trigger = "CREATE DEFINER='admin'@'%' TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET @a = 1; END";
        String procedure = "CREATE DEFINER=CURRENT_USER() PROCEDURE p() BEGIN SELECT 1; END";
        assertThat(sqls(trigger + ";\n" + procedure + ";", SqlSyntax.MYSQL)).containsExactly(trigger, procedure);
    }

    @Test
    void keepsPostgresStatementsOpenInsideParentheses() {
        assertThat(sqls("CREATE RULE r AS ON INSERT TO t DO (SELECT 1; SELECT 2); SELECT 3", SqlSyntax.POSTGRESQL))
            .containsExactly("CREATE RULE r AS ON INSERT TO t DO (SELECT 1; SELECT 2)", "SELECT 3");
    }

    @Test
    void opensAPostgresFunctionBodyOnlyAtBeginAtomic() {
        String function = "CREATE FUNCTION f(begin int, items int[]) RETURNS int LANGUAGE sql "
                + "BEGIN ATOMIC SELECT CASE WHEN begin > 0 THEN items[1] ELSE items[2] END; END";
        String other = "CREATE FUNCTION g(begin int) RETURNS int LANGUAGE sql RETURN CASE WHEN begin > 0 THEN 1 END";
        assertThat(sqls(function + ";\n" + other + ";\nSELECT 2", SqlSyntax.POSTGRESQL))
            .containsExactly(function, other, "SELECT 2");
    }

    @Test
    void nestsSqliteCaseExpressionsInATriggerBody() {
        String trigger = "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT CASE WHEN 1 THEN 2 END; END";
        assertThat(sqls(trigger + "; SELECT 2", SqlSyntax.SQLITE)).containsExactly(trigger, "SELECT 2");
    }

    private static List<String> sqls(String script, SqlSyntax syntax) {
        return SqlSplitter.split(script, syntax).stream().map(SqlStatement::sql).toList();
    }

}
