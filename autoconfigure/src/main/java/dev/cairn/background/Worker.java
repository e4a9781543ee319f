package dev.cairn.background;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.cairn.BackgroundMigration;
import dev.cairn.BackgroundMigrationInfo;
import dev.cairn.BackgroundMigrationState;
import dev.cairn.BackgroundSettings;
import dev.cairn.BatchResult;
import dev.cairn.MigrationException;
import dev.cairn.lock.LeaseLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the background migrations, one at a time in id order, in the one instance that holds the worker lease; the
 * other instances poll and take over when its holder dies. Each batch is one transaction that renews the lease
 * (and commits only while this worker still holds it), runs the migration's batch and records the cursor.
 */
public final class Worker implements Runnable {

    private static final Log logger = LogFactory.getLog(Worker.class);

    /**
     * The least gap between two batches where one writer at a time holds the database (SQLite): long enough for the
     * application's writers that wait for the write lock to take it.
     */
    private static final Duration TURN = Duration.ofMillis(5);

    private final DataSource dataSource;

    private final StateTable table;

    private final List<BackgroundMigration> migrations;

    private final BackgroundSettings settings;

    private final Supplier<LeaseLock> leases;

    private final Runnable afterFinish;

    private final Object signal = new Object();

    private volatile boolean stopping;

    private @Nullable String blockedBy;

    /**
     * A worker.
     * @param dataSource the data source
     * @param table the state table
     * @param migrations the migrations, in id order
     * @param settings the settings
     * @param leases makes a fresh lease for each turn
     * @param afterFinish run after a migration finished, to apply the migrations that waited for it
     */
    public Worker(DataSource dataSource, StateTable table, List<BackgroundMigration> migrations,
            BackgroundSettings settings, Supplier<LeaseLock> leases, Runnable afterFinish) {
        this.dataSource = dataSource;
        this.table = table;
        this.migrations = migrations;
        this.settings = settings;
        this.leases = leases;
        this.afterFinish = afterFinish;
    }

    @Override
    public void run() {
        try {
            this.table.create();
            this.table.register(this.migrations, this.settings.batchSize());
            while (!this.stopping) {
                BackgroundMigration next = next();
                if (next == null) {
                    logger.info("All " + this.migrations.size() + " background migrations are finished");
                    return;
                }
                if (!this.stopping && !turn(next)) {
                    await(pollInterval());
                }
            }
        }
        catch (RuntimeException ex) {
            logger.error("Background migrations stopped: " + ex.getMessage(), ex);
        }
    }

    /**
     * Stops after the batch in flight, which commits.
     */
    public void stop() {
        this.stopping = true;
        wake();
    }

    /**
     * Looks at the state table again now rather than at the next poll, after a pause, resume or retry.
     */
    public void wake() {
        synchronized (this.signal) {
            this.signal.notifyAll();
        }
    }

    /**
     * The first migration not finished, in id order.
     */
    private @Nullable BackgroundMigration next() {
        for (BackgroundMigration migration : this.migrations) {
            BackgroundMigrationInfo row = this.table.read(migration.id());
            if (row == null || row.state() != BackgroundMigrationState.FINISHED) {
                return migration;
            }
        }
        return null;
    }

    /**
     * One turn: runs the migration with the lease held, or returns {@code false} when there is nothing to do now
     * (the migration is paused or failed, or another instance holds the lease).
     */
    private boolean turn(BackgroundMigration migration) {
        BackgroundMigrationInfo row = this.table.read(migration.id());
        if (row == null) {
            this.table.register(List.of(migration), this.settings.batchSize());
            return true;
        }
        if (row.state() == BackgroundMigrationState.PAUSED || row.state() == BackgroundMigrationState.FAILED) {
            if (!row.id().equals(this.blockedBy)) {
                this.blockedBy = row.id();
                logger.info("Background migrations wait: " + row.displayName() + " holds back those after it until"
                        + " it is " + ((row.state() == BackgroundMigrationState.PAUSED) ? "resumed" : "retried"));
            }
            return false;
        }
        this.blockedBy = null;
        LeaseLock lease = this.leases.get();
        if (!lease.tryAcquireNow()) {
            return false;
        }
        try {
            // Read again with the lease held: another instance may have moved it on while this one waited.
            BackgroundMigrationInfo current = this.table.read(migration.id());
            if (current != null && (current.state() == BackgroundMigrationState.QUEUED
                    || current.state() == BackgroundMigrationState.RUNNING)) {
                run(migration, current, lease);
            }
            return true;
        }
        finally {
            lease.release();
        }
    }

    private void run(BackgroundMigration migration, BackgroundMigrationInfo row, LeaseLock lease) {
        String id = migration.id();
        if (row.state() == BackgroundMigrationState.QUEUED) {
            this.table.start(id, estimate(migration));
            logger.info("Starting " + describe(this.table.read(id), row));
        }
        else {
            logger.info("Resuming " + row.displayName() + " after " + row.rowsDone() + " rows, from cursor "
                    + row.cursor());
        }
        BatchSizer sizer = new BatchSizer(this.settings.batchTime(), this.settings.minBatchSize(),
                this.settings.maxBatchSize());
        Progress progress = new Progress(this.table, id, this.settings.progressInterval());
        String cursor = row.cursor();
        int size = row.batchSize();
        int attempts = row.attempts();
        while (!this.stopping) {
            Batch batch;
            try {
                batch = batch(migration, lease, cursor, size, sizer);
            }
            catch (LeaseLost ex) {
                logger.warn("Stopped " + row.displayName() + ": " + ex.getMessage());
                return;
            }
            catch (Exception ex) {
                attempts++;
                boolean retry = TransientFailures.isTransient(ex) && attempts < this.settings.maxAttempts();
                size = TransientFailures.isTransient(ex) ? sizer.afterConflict(size) : size;
                this.table.attemptFailed(id, attempts, String.valueOf(ex.getMessage()), !retry, size);
                if (!retry) {
                    logger.error("Background migration " + id + " \"" + migration.description() + "\" FAILED at"
                            + " cursor " + cursor + " after " + attempts + ((attempts == 1) ? " attempt" : " attempts")
                            + "; the batch was rolled back and later background migrations wait. Fix the cause,"
                            + " then retry it (POST /actuator/migrations/background/" + id + "/retry, or"
                            + " BackgroundMigrationRunner.retry): it resumes from that cursor", ex);
                    return;
                }
                long backoff = Math.min(10_000, 100L << Math.min(attempts, 10));
                logger.warn("A batch of background migration " + id + " failed (attempt " + attempts + " of "
                        + this.settings.maxAttempts() + "), retrying in " + backoff + " ms with " + size + " rows: "
                        + ex.getMessage());
                await(Duration.ofMillis(backoff));
                continue;
            }
            if (batch == null) {
                BackgroundMigrationInfo now = this.table.read(id);
                logger.info("Stopped " + ((now != null) ? now.displayName() : id) + " at cursor " + cursor
                        + "; the batch in flight was rolled back");
                return;
            }
            attempts = 0;
            cursor = batch.result().nextCursor();
            size = batch.nextSize();
            if (batch.result().isFinished()) {
                BackgroundMigrationInfo done = this.table.read(id);
                logger.info("Finished " + ((done != null) ? done.displayName() : id) + ": "
                        + ((done != null) ? done.rowsDone() + " rows in " + done.batches()
                                + ((done.batches() == 1) ? " batch" : " batches") : ""));
                this.afterFinish.run();
                return;
            }
            progress.batchDone();
            Duration pause = this.settings.pause();
            if (this.table.name().dialect().oneWriterAtATime() && pause.compareTo(TURN) < 0) {
                pause = TURN;
            }
            if (!pause.isZero()) {
                await(pause);
            }
        }
    }

    /**
     * One batch in its own transaction, or {@code null} when the migration was paused meanwhile (rolled back).
     */
    private @Nullable Batch batch(BackgroundMigration migration, LeaseLock lease, @Nullable String cursor, int size,
            BatchSizer sizer) throws Exception {
        try (Connection connection = this.dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                long start = System.nanoTime();
                try {
                    lease.fence(connection);
                }
                catch (MigrationException ex) {
                    throw new LeaseLost(ex.getMessage());
                }
                BatchResult result = migration.migrateBatch(new Context(connection, migration.id(), cursor, size));
                if (!this.table.advance(connection, migration.id(), result.nextCursor(), result.rows(), size)) {
                    connection.rollback();
                    return null;
                }
                connection.commit();
                // The whole transaction, commit included: how long the batch held its locks.
                long nanos = System.nanoTime() - start;
                if (logger.isDebugEnabled()) {
                    logger.debug("Batch of " + size + " keys of background migration " + migration.id() + " took "
                            + nanos / 1_000_000 + " ms");
                }
                return new Batch(result, sizer.next(size, nanos));
            }
            catch (Exception | Error ex) {
                rollback(connection);
                throw ex;
            }
            finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private @Nullable Long estimate(BackgroundMigration migration) {
        try {
            return migration.estimateRows(new JdbcTemplate(this.dataSource));
        }
        catch (RuntimeException ex) {
            logger.warn("Could not estimate the rows of background migration " + migration.id() + ": "
                    + ex.getMessage());
            return null;
        }
    }

    private static String describe(@Nullable BackgroundMigrationInfo started, BackgroundMigrationInfo queued) {
        BackgroundMigrationInfo row = (started != null) ? started : queued;
        return row.displayName() + ((row.rowsEstimate() != null) ? ", about " + row.rowsEstimate() + " rows" : "");
    }

    private Duration pollInterval() {
        long third = this.settings.lease().toMillis() / 3;
        return Duration.ofMillis(Math.max(50, Math.min(10_000, third)));
    }

    private void await(Duration duration) {
        synchronized (this.signal) {
            if (this.stopping) {
                return;
            }
            try {
                this.signal.wait(Math.max(1, duration.toMillis()));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                this.stopping = true;
            }
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        }
        catch (SQLException ex) {
            logger.debug("Could not roll back a batch: " + ex.getMessage());
        }
    }

    private record Batch(BatchResult result, int nextSize) {
    }

    /**
     * This worker no longer holds the lease: another instance took it over.
     */
    private static final class LeaseLost extends Exception {

        LeaseLost(String message) {
            super(message, null, false, false);
        }

    }

}
