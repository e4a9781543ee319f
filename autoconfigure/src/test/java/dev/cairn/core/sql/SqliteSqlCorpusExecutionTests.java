package dev.cairn.core.sql;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * The SQLite corpus scripts run on an SQLite file.
 */
class SqliteSqlCorpusExecutionTests extends AbstractSqlCorpusExecutionTests {

    @Override
    SqlSyntax syntax() {
        return SqlSyntax.SQLITE;
    }

    @Override
    TestDatabase database(Path directory) {
        return TestDatabases.sqlite(directory);
    }

}
