package dev.cairn.core.sql;

import java.nio.file.Path;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/**
 * The MariaDB and MySQL corpus scripts run on a MariaDB server.
 */
class MariaDbSqlCorpusExecutionTests extends AbstractSqlCorpusExecutionTests {

    @Override
    SqlSyntax syntax() {
        return SqlSyntax.MYSQL;
    }

    @Override
    TestDatabase database(Path directory) {
        return TestDatabases.mariadb();
    }

}
