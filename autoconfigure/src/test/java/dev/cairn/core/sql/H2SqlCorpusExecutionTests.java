package dev.cairn.core.sql;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * The H2 corpus scripts run on an H2 file database.
 */
class H2SqlCorpusExecutionTests extends AbstractSqlCorpusExecutionTests {

    @Override
    SqlSyntax syntax() {
        return SqlSyntax.H2;
    }

    @Override
    TestDatabase database(Path directory) {
        return TestDatabases.h2(directory);
    }

}
