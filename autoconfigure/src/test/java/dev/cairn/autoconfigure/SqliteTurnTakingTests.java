package dev.cairn.autoconfigure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writer on the default SQLite data source gets the write lock in the short gaps another writer leaves between
 * its transactions, as a background migration does between batches, instead of waiting for it to stop.
 */
class SqliteTurnTakingTests {

    @TempDir
    Path directory;

    @Test
    void opensTheFileWithTheParametersOfItsUrl() throws Exception {
        String url = "jdbc:sqlite:" + this.directory.resolve("settings.db") + SqliteDataSourceAutoConfiguration.PARAMETERS;
        try (Connection connection = new SqliteTurnTaking(url, 30_000).getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(connection.unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig().getTransactionMode())
                .isEqualTo(org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE);
            try (java.sql.ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            }
            try (java.sql.ResultSet rs = statement.executeQuery("PRAGMA foreign_keys")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isOne();
            }
        }
    }

    @Test
    void aWaitingWriterTakesItsTurnInAShortGapBetweenAnotherWritersTransactions() throws Exception {
        String url = "jdbc:sqlite:" + this.directory.resolve("turns.db") + SqliteDataSourceAutoConfiguration.PARAMETERS;
        SqliteTurnTaking dataSource = new SqliteTurnTaking(url, 30_000);
        try (Connection busy = dataSource.getConnection(); Connection waiting = dataSource.getConnection()) {
            try (Statement statement = busy.createStatement()) {
                statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)");
                statement.execute("INSERT INTO t VALUES (1, 0)");
            }
            busy.setAutoCommit(false);
            AtomicInteger transactions = new AtomicInteger();
            try (Statement statement = busy.createStatement()) {
                statement.execute("UPDATE t SET n = n + 1");
                CompletableFuture<Integer> write = CompletableFuture.supplyAsync(() -> {
                    try (Statement other = waiting.createStatement()) {
                        other.executeUpdate("UPDATE t SET n = n + 1000");
                        return transactions.get();
                    }
                    catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                });
                // Up to 20 transactions of 120 ms, each 3 ms after the last: SQLite's own busy handler, sleeping up to 100 ms
                // between tries, would keep missing those gaps.
                for (int i = 0; i < 20 && !write.isDone(); i++) {
                    Thread.sleep(120);
                    busy.commit();
                    // As a background migration's batch ends: with transaction_mode=IMMEDIATE the driver begins the
                    // next transaction at once, so the write lock is free only once the connection is back in
                    // auto-commit mode.
                    busy.setAutoCommit(true);
                    transactions.incrementAndGet();
                    Thread.sleep(3);
                    busy.setAutoCommit(false);
                    statement.execute("UPDATE t SET n = n + 1");
                }
                busy.commit();
                assertThat(write.get(30, TimeUnit.SECONDS)).as("took its turn in one of the first gaps")
                    .isLessThan(5);
            }
        }
    }

}
