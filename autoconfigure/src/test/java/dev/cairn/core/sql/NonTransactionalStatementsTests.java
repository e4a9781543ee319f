package dev.cairn.core.sql;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which statements cannot run inside a transaction, whatever their case, spacing and comments.
 */
class NonTransactionalStatementsTests {

    @ParameterizedTest
    @ValueSource(strings = { "CREATE INDEX CONCURRENTLY i ON t (a)", "create unique index concurrently i on t (a)",
            "CREATE /* a; comment */ INDEX\n-- another\n  CONCURRENTLY IF NOT EXISTS i ON t (a)",
            "DROP INDEX CONCURRENTLY IF EXISTS i", "REINDEX INDEX CONCURRENTLY i", "REINDEX (VERBOSE) TABLE CONCURRENTLY t",
            "REINDEX (CONCURRENTLY, VERBOSE) TABLE t", "REINDEX SCHEMA s", "reindex database d", "REINDEX SYSTEM",
            "VACUUM", "vacuum (analyze, verbose) t", "VACUUM FULL t", "ALTER SYSTEM SET work_mem = '64MB'",
            "CREATE DATABASE d", "DROP DATABASE IF EXISTS d", "CREATE TABLESPACE ts LOCATION '/data'",
            "DROP TABLESPACE ts", "ALTER DATABASE \"d\" SET TABLESPACE ts", "CLUSTER", "CLUSTER VERBOSE",
            "CLUSTER (VERBOSE)", "CREATE SUBSCRIPTION s CONNECTION 'host=h' PUBLICATION p", "DROP SUBSCRIPTION s",
            "ALTER SUBSCRIPTION s REFRESH PUBLICATION", "ALTER SUBSCRIPTION s SET PUBLICATION p",
            "ALTER SUBSCRIPTION s ADD PUBLICATION p2 WITH (copy_data = false)", "ALTER SUBSCRIPTION s SET (failover = true)",
            "ALTER TABLE parted DETACH PARTITION parted_1 CONCURRENTLY", "DISCARD ALL", "COMMIT PREPARED 'x'",
            "ROLLBACK PREPARED 'x'" })
    void postgresRunsTheseOutsideATransaction(String sql) {
        assertThat(statement(sql, SqlSyntax.POSTGRESQL).transactional()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "CREATE INDEX i ON t (a)", "CREATE TABLE concurrently (a int)", "REINDEX (VERBOSE) TABLE t",
            "REINDEX INDEX i", "ANALYZE t", "CLUSTER t", "CLUSTER VERBOSE t USING i", "CLUSTER (VERBOSE) t",
            "DISCARD PLANS", "ALTER DATABASE d SET work_mem = '1MB'", "ALTER SUBSCRIPTION s DISABLE",
            "ALTER TABLE parted DETACH PARTITION parted_1", "ALTER TABLE t ADD COLUMN concurrently int", "COMMIT",
            "SELECT 'VACUUM'", "COMMENT ON TABLE t IS 'CREATE DATABASE'", "\"vacuum\"",
            "CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ VACUUM $$" })
    void postgresRunsTheseInsideATransaction(String sql) {
        assertThat(statement(sql, SqlSyntax.POSTGRESQL).transactional()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "VACUUM", "vacuum main", "VACUUM INTO '/tmp/copy.db'", "PRAGMA foreign_keys = ON",
            "pragma FOREIGN_KEYS=off", "PRAGMA main.journal_mode = WAL", "PRAGMA journal_mode", "/* first */ VACUUM" })
    void sqliteRunsTheseOutsideATransaction(String sql) {
        assertThat(statement(sql, SqlSyntax.SQLITE).transactional()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "PRAGMA user_version = 2", "PRAGMA foreign_key_check", "PRAGMA defer_foreign_keys = ON",
            "CREATE TABLE vacuum_log (id)", "SELECT 'VACUUM'" })
    void sqliteRunsTheseInsideATransaction(String sql) {
        assertThat(statement(sql, SqlSyntax.SQLITE).transactional()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = { "MYSQL", "H2", "STANDARD" })
    void otherSyntaxesRunEverythingInsideATransaction(SqlSyntax syntax) {
        assertThat(SqlSplitter.split("VACUUM; CREATE INDEX CONCURRENTLY i ON t (a); PRAGMA foreign_keys = ON", syntax))
            .allSatisfy((statement) -> assertThat(statement.transactional()).isTrue());
    }

    private static SqlStatement statement(String sql, SqlSyntax syntax) {
        List<SqlStatement> statements = SqlSplitter.split(sql, syntax);
        assertThat(statements).hasSize(1);
        return statements.get(0);
    }

}
