package dev.cairn.autoconfigure;

import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.sqlite.BusyHandler;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * Connections to the default SQLite file whose writers wait for the write lock by trying again every half
 * millisecond, up to the busy timeout, instead of with SQLite's own back-off, which sleeps up to 100 ms between
 * tries: a writer that backs off that long keeps missing the short gaps a background migration leaves between its
 * batches, and waits for the whole backfill. Give it to a pool ({@code HikariDataSource.setDataSource}) to open an
 * SQLite file of your own the same way.
 */
public final class SqliteTurnTaking extends SQLiteDataSource {

    private final long timeoutNanos;

    /**
     * A data source for an SQLite file.
     * @param url the JDBC URL, with its parameters such as {@code journal_mode=WAL}
     * @param timeoutMillis how long a writer waits for the write lock before "database is locked"
     */
    public SqliteTurnTaking(String url, long timeoutMillis) {
        setUrl(url);
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /**
     * A connection opened as {@code DriverManager} opens the URL, with its parameters: the data source's own
     * configuration would override them (its transaction mode is DEFERRED).
     */
    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        SQLiteConnection connection = JDBC.createConnection(getUrl(), new Properties());
        BusyHandler.setHandler(connection, new Polling(this.timeoutNanos));
        return connection;
    }

    /**
     * Tries again every half millisecond until the timeout. One per connection, which one thread uses at a time.
     */
    private static final class Polling extends BusyHandler {

        private final long timeoutNanos;

        private long since;

        Polling(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        protected int callback(int previousInvocations) {
            long now = System.nanoTime();
            if (previousInvocations == 0) {
                this.since = now;
            }
            if (now - this.since > this.timeoutNanos) {
                return 0;
            }
            LockSupport.parkNanos(500_000);
            return 1;
        }

    }

}
