package dev.cairn.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.cairn.MigrationException;
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
 *
 * <p>Every migration also renews the lease inside its own transaction and commits only if this holder still owns
 * it ({@link #fence(Connection)}), so a holder that lost the lock (paused longer than the lease, or starved of its
 * heartbeat) never commits another migration.
 */
public class LeaseLock extends PollingLock {

    private static final Log logger = LogFactory.getLog(MigrationLock.class);

    private final JdbcTemplate jdbc;

    private final @Nullable String clockQuery;

    private final @Nullable String createSchema;

    private final String table;

    private final long leaseMillis;

    private final String owner = Holder.DESCRIPTION + ", " + UUID.randomUUID().toString().substring(0, 8);

    private static final long MAX_PAUSE_MILLIS = 250;

    private long pause = 10;

    private boolean tableReady;

    private @Nullable ScheduledExecutorService heartbeat;

    private volatile @Nullable String lost;

    /**
     * A lease lock.
     * @param dataSource where to lock
     * @param lockName what the lock protects, for messages
     * @param table the qualified name of the lease table
     * @param lease how long a lease lasts without being renewed
     * @param clockQuery a query for the database clock in milliseconds, or {@code null} for the application's
     * @param createSchema the statement that creates the lease table's schema when it is missing, or {@code null}
     */
    public LeaseLock(DataSource dataSource, String lockName, String table, Duration lease, @Nullable String clockQuery,
            @Nullable String createSchema) {
        super("lease row in " + table + " for " + lockName);
        this.jdbc = new JdbcTemplate(dataSource);
        this.clockQuery = clockQuery;
        this.createSchema = createSchema;
        this.table = table;
        this.leaseMillis = lease.toMillis();
    }

    @Override
    protected boolean tryAcquire(Duration wait) {
        if (!this.tableReady) {
            createSchema();
            this.jdbc.execute("CREATE TABLE IF NOT EXISTS " + this.table
                    + " (id INTEGER NOT NULL PRIMARY KEY, owner VARCHAR(200) NOT NULL, acquired_at BIGINT NOT NULL,"
                    + " expires_at BIGINT NOT NULL)");
            this.tableReady = true;
        }
        long now = now();
        // Read first: a holder's row is not written to, so a poll neither fails (an INSERT of a duplicate is
        // logged by PostgreSQL) nor waits for the row the holder keeps locked while it commits.
        Long expires = this.jdbc.query("SELECT expires_at FROM " + this.table + " WHERE id = 1",
                (rs) -> rs.next() ? rs.getLong(1) : null);
        boolean acquired;
        if (expires == null) {
            try {
                acquired = this.jdbc.update("INSERT INTO " + this.table
                        + " (id, owner, acquired_at, expires_at) VALUES (1, ?, ?, ?)", this.owner, now,
                        now + this.leaseMillis) == 1;
            }
            catch (DataAccessException ex) {
                // Another instance inserted it first (not every driver reports that as an integrity violation).
                acquired = false;
            }
        }
        else {
            acquired = expires < now && this.jdbc.update("UPDATE " + this.table
                    + " SET owner = ?, acquired_at = ?, expires_at = ? WHERE id = 1 AND expires_at < ?", this.owner,
                    now, now + this.leaseMillis, now) == 1;
            if (acquired) {
                logger.warn("Took over the " + name() + " from a holder whose lease had expired");
            }
        }
        if (acquired) {
            this.lost = null;
            startHeartbeat();
        }
        else {
            pause(Math.min(this.pause, wait.toMillis()));
            this.pause = Math.min(this.pause * 2, MAX_PAUSE_MILLIS);
        }
        return acquired;
    }

    /**
     * Tries once to take the lock, without waiting.
     * @return whether it is now held
     */
    public boolean tryAcquireNow() {
        return tryAcquire(Duration.ZERO);
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
    public void fence(Connection connection) throws SQLException {
        checkHeld();
        long now;
        try (Statement statement = connection.createStatement()) {
            now = (this.clockQuery != null) ? queryForLong(statement, this.clockQuery) : System.currentTimeMillis();
        }
        try (PreparedStatement renew = connection.prepareStatement(
                "UPDATE " + this.table + " SET expires_at = ? WHERE id = 1 AND owner = ?")) {
            renew.setLong(1, now + this.leaseMillis);
            renew.setString(2, this.owner);
            if (renew.executeUpdate() == 0) {
                this.lost = "the lease row now belongs to " + holder();
                checkHeld();
            }
        }
    }

    private static long queryForLong(Statement statement, String query) throws SQLException {
        try (ResultSet rs = statement.executeQuery(query)) {
            return rs.next() ? rs.getLong(1) : System.currentTimeMillis();
        }
    }

    private void createSchema() {
        if (this.createSchema != null) {
            try {
                this.jdbc.execute(this.createSchema);
            }
            catch (DataAccessException ex) {
                // Another instance created it at the same moment; if it really is missing, the next statement says so.
            }
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
        if (this.clockQuery == null) {
            return System.currentTimeMillis();
        }
        Long now = this.jdbc.query(this.clockQuery, (rs) -> rs.next() ? rs.getLong(1) : null);
        return (now != null) ? now : System.currentTimeMillis();
    }

}
