package dev.cairn.core.sql;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * The PostgreSQL corpus scripts run on a PostgreSQL server.
 */
class PostgresSqlCorpusExecutionTests extends AbstractSqlCorpusExecutionTests {

    @Override
    SqlSyntax syntax() {
        return SqlSyntax.POSTGRESQL;
    }

    @Override
    TestDatabase database(Path directory) {
        return TestDatabases.postgres();
    }

}
