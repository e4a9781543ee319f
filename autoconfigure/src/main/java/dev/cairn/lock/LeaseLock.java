package dev.cairn.lock;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.cairn.MigrationException;
import dev.cairn.dialect.Dialect;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lock for databases without a session lock (SQLite files shared by processes, H2, others): one row in a table
 * of its own with the holder, when it took the lock and until when its lease runs. A heartbeat renews the lease
 * while the holder works; a holder that died stops renewing and its lock is taken over once the lease expires.
 * Times come from the database's clock, never the application's, so instances with skewed clocks agree.
 */
public class LeaseLock extends PollingLock {

    private static final Log logger = LogFactory.getLog(MigrationLock.class);

    private static final String OWNER_PREFIX = ownerPrefix();

    private final JdbcTemplate jdbc;

    private final Dialect dialect;

    private final String table;

    private final long leaseMillis;

    private final String owner = OWNER_PREFIX + ", " + UUID.randomUUID().toString().substring(0, 8);

    private static final long MAX_PAUSE_MILLIS = 250;

    private long pause = 10;

    private boolean tableReady;

    private @Nullable ScheduledExecutorService heartbeat;

    private volatile @Nullable String lost;

    public LeaseLock(DataSource dataSource, Dialect dialect, String lockName, String table, Duration lease) {
        super("lease row in " + table + " for " + lockName);
        this.jdbc = new JdbcTemplate(dataSource);
        this.dialect = dialect;
        this.table = table;
        this.leaseMillis = lease.toMillis();
    }

    @Override
    protected boolean tryAcquire(Duration wait) {
        if (!this.tableReady) {
            this.jdbc.execute("CREATE TABLE IF NOT EXISTS " + this.table
                    + " (id INTEGER NOT NULL PRIMARY KEY, owner VARCHAR(200) NOT NULL, acquired_at BIGINT NOT NULL,"
                    + " expires_at BIGINT NOT NULL)");
            this.tableReady = true;
        }
        long now = now();
        boolean acquired;
        try {
            acquired = this.jdbc.update("INSERT INTO " + this.table
                    + " (id, owner, acquired_at, expires_at) VALUES (1, ?, ?, ?)", this.owner, now,
                    now + this.leaseMillis) == 1;
        }
        catch (DataAccessException ex) {
            // The row exists: not every driver reports that as an integrity violation (sqlite-jdbc does not).
            acquired = this.jdbc.update("UPDATE " + this.table
                    + " SET owner = ?, acquired_at = ?, expires_at = ? WHERE id = 1 AND expires_at < ?", this.owner,
                    now, now + this.leaseMillis, now) == 1;
            if (acquired) {
                logger.warn("Took over the migration lock " + name() + " from a holder whose lease had expired");
            }
        }
        if (acquired) {
            startHeartbeat();
        }
        else {
            pause(Math.min(this.pause, wait.toMillis()));
            this.pause = Math.min(this.pause * 2, MAX_PAUSE_MILLIS);
        }
        return acquired;
    }

    @Override
    protected String holder() {
        try {
            List<String> holders = this.jdbc.query("SELECT owner, acquired_at, expires_at FROM " + this.table
                    + " WHERE id = 1", (rs, row) -> {
                        long now = now();
                        return rs.getString(1) + ", held for " + (now - rs.getLong(2)) + " ms, lease "
                                + ((rs.getLong(3) >= now) ? "runs " + (rs.getLong(3) - now) + " ms more"
                                        : "expired " + (now - rs.getLong(3)) + " ms ago");
                    });
            return holders.isEmpty() ? "nobody (it was just released)" : holders.get(0);
        }
        catch (DataAccessException ex) {
            return "unknown (" + ex.getMessage() + ")";
        }
    }

    @Override
    public void checkHeld() {
        String reason = this.lost;
        if (reason != null) {
            throw new MigrationException("Lost the migration lock " + name() + ": " + reason,
                    "Another instance may have taken over after this one stopped renewing its lease. Start the"
                            + " application again; if migrations take longer than the lease between commits,"
                            + " raise cairn.lock.lease.");
        }
    }

    @Override
    public void release() {
        ScheduledExecutorService running = this.heartbeat;
        this.heartbeat = null;
        if (running != null) {
            running.shutdownNow();
            this.jdbc.update("DELETE FROM " + this.table + " WHERE id = 1 AND owner = ?", this.owner);
        }
    }

    private void startHeartbeat() {
        long period = Math.max(10, this.leaseMillis / 3);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
            Thread thread = new Thread(task, "cairn-lock-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
        this.heartbeat = executor;
    }

    private void renew() {
        try {
            long now = now();
            int renewed = this.jdbc.update("UPDATE " + this.table + " SET expires_at = ? WHERE id = 1 AND owner = ?",
                    now + this.leaseMillis, this.owner);
            if (renewed == 0 && this.heartbeat != null) {
                this.lost = "the lease row now belongs to " + holder();
            }
        }
        catch (DataAccessException ex) {
            // A busy database delays one renewal; the lease is three periods long.
            logger.debug("Could not renew the migration lock lease: " + ex.getMessage());
        }
    }

    private long now() {
        String query = this.dialect.currentTimeMillisQuery();
        if (query == null) {
            return System.currentTimeMillis();
        }
        Long now = this.jdbc.query(query, (rs) -> rs.next() ? rs.getLong(1) : null);
        return (now != null) ? now : System.currentTimeMillis();
    }

    private static String ownerPrefix() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (Exception ex) {
            host = "unknown host";
        }
        return host + " (pid " + ProcessHandle.current().pid() + ")";
    }

}
