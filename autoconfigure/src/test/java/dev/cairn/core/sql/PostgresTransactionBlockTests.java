package dev.cairn.core.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the splitter says runs outside a transaction is what PostgreSQL refuses inside a transaction block, and what
 * it says runs inside one does. Only statements that PostgreSQL refuses before they touch anything are tried here;
 * each is rolled back.
 */
class PostgresTransactionBlockTests {

    private TestDatabase database;

    private Connection connection;

    private String schema;

    private String databaseName;

    @BeforeEach
    void prepareTables() throws SQLException {
        this.database = TestDatabases.postgres();
        this.connection = DriverManager.getConnection(this.database.url(), this.database.username(),
                this.database.password());
        try (Statement statement = this.connection.createStatement()) {
            statement.execute("CREATE TABLE item (id integer PRIMARY KEY, name text)");
            statement.execute("CREATE INDEX item_name ON item (name)");
            statement.execute("CREATE TABLE parted (id integer) PARTITION BY RANGE (id)");
            statement.execute("CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) TO (10)");
            try (ResultSet names = statement.executeQuery("SELECT current_schema(), current_database()")) {
                names.next();
                this.schema = names.getString(1);
                this.databaseName = names.getString(2);
            }
        }
        this.connection.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        this.connection.close();
        this.database.close();
    }

    @Test
    void refusesInsideATransactionBlockWhatTheSplitterRunsOutsideOne() {
        String script = """
                CREATE INDEX CONCURRENTLY item_name_2 ON item (name);
                CREATE UNIQUE INDEX CONCURRENTLY item_id ON item (id);
                DROP INDEX CONCURRENTLY item_name;
                REINDEX INDEX CONCURRENTLY item_name;
                REINDEX (CONCURRENTLY) TABLE item;
                REINDEX SCHEMA %1$s;
                VACUUM item;
                VACUUM (ANALYZE) item;
                CLUSTER;
                CLUSTER VERBOSE;
                DISCARD ALL;
                ALTER TABLE parted DETACH PARTITION parted_1 CONCURRENTLY;
                CREATE DATABASE %1$s_never;
                DROP DATABASE %1$s_never;
                CREATE TABLESPACE %1$s_never LOCATION '/nonexistent';
                DROP TABLESPACE %1$s_never;
                ALTER DATABASE %2$s SET TABLESPACE pg_default;
                COMMIT PREPARED '%1$s_never';
                ROLLBACK PREPARED '%1$s_never';
                CREATE SUBSCRIPTION %1$s_never CONNECTION 'host=127.0.0.1 port=1' PUBLICATION p;
                """.formatted(this.schema, this.databaseName);
        List<SqlStatement> statements = SqlSplitter.split(script, SqlSyntax.POSTGRESQL);
        assertThat(statements).hasSize(20).allSatisfy((statement) -> {
            assertThat(statement.transactional()).isFalse();
            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> runAndRollBack(statement))
                .withMessageContaining("cannot run inside a transaction block");
        });
    }

    @Test
    void runsInsideATransactionBlockWhatTheSplitterRunsInsideOne() {
        String script = """
                CREATE INDEX item_name_2 ON item (name);
                REINDEX (VERBOSE) TABLE item;
                REINDEX INDEX item_name;
                ANALYZE item;
                CLUSTER item USING item_pkey;
                DISCARD PLANS;
                ALTER TABLE parted DETACH PARTITION parted_1;
                ALTER TABLE item ADD COLUMN "concurrently" integer;
                COMMENT ON TABLE item IS 'VACUUM';
                """;
        List<SqlStatement> statements = SqlSplitter.split(script, SqlSyntax.POSTGRESQL);
        assertThat(statements).hasSize(9).allSatisfy((statement) -> {
            assertThat(statement.transactional()).isTrue();
            runAndRollBack(statement);
        });
    }

    private void runAndRollBack(SqlStatement sqlStatement) throws SQLException {
        try (Statement statement = this.connection.createStatement()) {
            statement.execute(sqlStatement.sql());
        }
        finally {
            this.connection.rollback();
        }
    }

}
