package dev.cairn.core.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the splitter says runs outside a transaction is what SQLite refuses, or quietly ignores, inside one.
 */
class SqliteTransactionTests {

    @TempDir
    Path directory;

    private TestDatabase database;

    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        this.database = TestDatabases.sqlite(this.directory);
        this.connection = DriverManager.getConnection(this.database.url());
        try (Statement statement = this.connection.createStatement()) {
            statement.execute("CREATE TABLE item (id INTEGER PRIMARY KEY)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        this.connection.close();
        this.database.close();
    }

    @Test
    void refusesVacuumInsideATransaction() throws SQLException {
        SqlStatement vacuum = single("VACUUM;");
        assertThat(vacuum.transactional()).isFalse();
        this.connection.setAutoCommit(false);
        try (Statement statement = this.connection.createStatement()) {
            statement.execute("INSERT INTO item VALUES (1)");
            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.execute(vacuum.sql()))
                .withMessageContaining("cannot VACUUM from within a transaction");
        }
        this.connection.rollback();
    }

    @Test
    void ignoresTheForeignKeysPragmaInsideATransaction() throws SQLException {
        SqlStatement foreignKeys = single("PRAGMA foreign_keys = ON;");
        assertThat(foreignKeys.transactional()).isFalse();
        this.connection.setAutoCommit(false);
        execute(foreignKeys.sql());
        execute("INSERT INTO item VALUES (1)");
        this.connection.commit();
        assertThat(pragma("foreign_keys")).isEqualTo("0");
        this.connection.setAutoCommit(true);
        execute(foreignKeys.sql());
        assertThat(pragma("foreign_keys")).isEqualTo("1");
    }

    @Test
    void refusesToChangeTheJournalModeInsideATransaction() throws SQLException {
        SqlStatement journalMode = single("PRAGMA journal_mode = WAL;");
        assertThat(journalMode.transactional()).isFalse();
        this.connection.setAutoCommit(false);
        assertThatExceptionOfType(SQLException.class).isThrownBy(() -> execute(journalMode.sql()))
            .withMessageContaining("cannot change into wal mode from within a transaction");
        this.connection.rollback();
        this.connection.setAutoCommit(true);
        execute(journalMode.sql());
        assertThat(pragma("journal_mode")).isEqualTo("wal");
    }

    private static SqlStatement single(String script) {
        return SqlSplitter.split(script, SqlSyntax.SQLITE).get(0);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = this.connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String pragma(String name) throws SQLException {
        try (Statement statement = this.connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            result.next();
            return result.getString(1);
        }
    }

}
