package dev.cairn.core.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import dev.cairn.testsupport.TestDatabase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every corpus script of a syntax runs on a real database of that syntax, statement by statement on one connection in
 * auto-commit, so a statement cut in the wrong place fails. Each script gets a fresh database. Subclasses only say
 * which database.
 */
abstract class AbstractSqlCorpusExecutionTests {

    @TempDir
    Path temporaryDirectory;

    abstract SqlSyntax syntax();

    abstract TestDatabase database(Path directory);

    @TestFactory
    Stream<DynamicTest> runsEveryCorpusScriptStatementByStatement() {
        List<SqlCorpus.Script> scripts = SqlCorpus.scripts(syntax()).toList();
        assertThat(scripts).isNotEmpty();
        return scripts.stream().map((script) -> DynamicTest.dynamicTest(script.name(), () -> run(script)));
    }

    private void run(SqlCorpus.Script script) throws SQLException {
        List<SqlStatement> statements = script.split();
        try (TestDatabase database = database(this.temporaryDirectory);
                Connection connection = DriverManager.getConnection(database.url(), database.username(),
                        database.password());
                Statement statement = connection.createStatement()) {
            assertThat(connection.getAutoCommit()).isTrue();
            // What runs is what the script says: no JDBC escape processing of { } in the text.
            statement.setEscapeProcessing(false);
            for (SqlStatement sqlStatement : statements) {
                try {
                    statement.execute(sqlStatement.sql());
                }
                catch (SQLException ex) {
                    fail("Statement at line %d of %s failed: %s%n%s", sqlStatement.line(), script.name(),
                            ex.getMessage(), sqlStatement.sql());
                }
            }
        }
    }

}
