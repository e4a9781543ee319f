package dev.cairn.scripts;

import java.nio.file.Path;
import java.time.Duration;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * SQL script migrations on PostgreSQL, each test in a schema of its own.
 */
class PostgresSqlMigrationTests extends AbstractSqlMigrationTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.postgres();
    }

    @Test
    void aScriptWithCreateIndexConcurrentlyRunsOutsideATransactionAndNeverWaitsOnTheLock() throws Exception {
        script("V1__create_log.sql", "CREATE TABLE log (entry VARCHAR(20));\nINSERT INTO log VALUES ('a');");
        script("V2__index_log.sql", "CREATE INDEX CONCURRENTLY log_entry ON log (entry);");
        script("V3__more.sql", "INSERT INTO log VALUES ('b');");
        // Flyway 13 hangs here with its defaults (flyway#3682): its transactional advisory lock keeps a transaction
        // open that the index build waits for. Cairn's lock is a session lock on a connection of its own, idle
        // between statements.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> runner().migrate());
        assertThat(this.database.jdbc().queryForObject("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON"
                + " c.oid = i.indexrelid WHERE c.relname = 'log_entry'", Boolean.class)).isTrue();
        assertThat(log()).containsExactly("a", "b");
        assertThat(this.database.jdbc().queryForList("SELECT success FROM cairn_migrations ORDER BY installed_rank",
                Boolean.class)).containsExactly(true, true, true);
    }

}
