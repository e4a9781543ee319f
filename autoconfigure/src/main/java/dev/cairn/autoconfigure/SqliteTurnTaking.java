package dev.cairn.autoconfigure;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.sqlite.BusyHandler;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * Connections to the default SQLite file whose writers wait for the write lock by trying again every half
 * millisecond, up to the busy timeout, instead of with SQLite's own back-off, which sleeps up to 100 ms between
 * tries: a writer that backs off that long keeps missing the short gaps a background migration leaves between its
 * batches, and waits for the whole backfill.
 */
final class SqliteTurnTaking extends SQLiteDataSource {

    private final long timeoutNanos;

    SqliteTurnTaking(String url, long timeoutMillis) {
        setUrl(url);
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        SQLiteConnection connection = super.getConnection(username, password);
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
