package dev.cairn.core.sql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every script of the corpus splits into exactly its expected statements, with their lines and whether they can run
 * in a transaction.
 */
class SqlCorpusTests {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.cairn.core.sql.SqlCorpus#scripts")
    void splitsEveryScriptIntoItsExpectedStatements(SqlCorpus.Script script) {
        assertThat(script.split()).containsExactlyElementsOf(script.expected());
    }

}
