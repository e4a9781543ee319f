package dev.cairn.background;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.cairn.BackgroundMigration;
import dev.cairn.BackgroundMigrationInfo;
import dev.cairn.BackgroundMigrationListener;
import dev.cairn.BackgroundMigrationState;
import dev.cairn.BackgroundSettings;
import dev.cairn.BatchResult;
import dev.cairn.MigrationException;
import dev.cairn.lock.Holder;
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
    private static final Duration TURN = Duration.ofMillis(3);

    private final DataSource dataSource;

    private final StateTable table;

    private final List<BackgroundMigration> migrations;

    private final BackgroundSettings settings;

    private final Supplier<LeaseLock> leases;

    private final Runnable afterFinish;

    private final List<BackgroundMigrationListener> listeners;

    private final Object signal = new Object();

    private @Nullable LeaseLock lease;

    private volatile boolean stopping;

    private @Nullable String blockedBy;

    /**
     * A worker.
     * @param dataSource the data source
     * @param table the state table
     * @param migrations the migrations, in id order
     * @param settings the settings
     * @param leases makes the worker's lease
     * @param afterFinish run after a migration finished, to apply the migrations that waited for it
     * @param listeners told of every committed batch
     */
    public Worker(DataSource dataSource, StateTable table, List<BackgroundMigration> migrations,
            BackgroundSettings settings, Supplier<LeaseLock> leases, Runnable afterFinish,
            List<BackgroundMigrationListener> listeners) {
        this.dataSource = dataSource;
        this.table = table;
        this.migrations = migrations;
        this.settings = settings;
        this.leases = leases;
        this.afterFinish = afterFinish;
        this.listeners = listeners;
    }

    @Override
    public void run() {
        while (!this.stopping) {
            try {
                this.table.create();
                this.table.register(this.migrations, this.settings.batchSize());
                BackgroundMigration next = next();
                if (next == null) {
                    logger.info("All " + this.migrations.size() + " background migrations are finished");
                    return;
                }
                if (!this.stopping && !turn(next)) {
                    await(pollInterval());
                }
            }
            catch (RuntimeException ex) {
                // The database is away or busy, or the table was dropped: the state table says where to resume.
                this.table.forget();
                logger.warn("Background migrations could not go on, trying again in " + pollInterval().toMillis()
                        + " ms: " + ex.getMessage(), ex);
                await(pollInterval());
            }
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
        LeaseLock lease = lease();
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
            this.table.start(id, estimate(migration), Holder.DESCRIPTION);
            logger.info("Starting " + describe(this.table.read(id), row));
        }
        else {
            this.table.claim(id, Holder.DESCRIPTION);
            logger.info("Resuming " + row.displayName() + " after " + row.rowsDone() + " rows, from cursor "
                    + row.cursor());
        }
        BatchSizer sizer = new BatchSizer(this.settings.batchTime(), this.settings.minBatchSize(),
                this.settings.maxBatchSize());
        Progress progress = new Progress(this.table, id, this.settings.progressInterval());
        Position position = Position.of(row, this.settings);
        int attempts = row.attempts();
        while (!this.stopping) {
            Batch batch;
            try {
                batch = batch(migration, lease, position, sizer);
            }
            catch (LeaseLost ex) {
                logger.warn("Stopped " + row.displayName() + ": " + ex.getMessage());
                return;
            }
            catch (Exception | LinkageError | AssertionError ex) {
                // Where the last committed batch left it: a commit may have reached the database before its
                // acknowledgement was lost.
                BackgroundMigrationInfo now = this.table.read(id);
                if (now == null || now.state() != BackgroundMigrationState.RUNNING) {
                    logger.info("Stopped " + ((now != null) ? now.displayName() : id) + " after a failed batch: "
                            + ex.getMessage());
                    return;
                }
                attempts++;
                boolean conflict = TransientFailures.isTransient(ex);
                boolean retry = conflict && attempts < this.settings.maxAttempts();
                position = Position.of(now, this.settings).withSize(conflict ? sizer.afterConflict(position.size())
                        : position.size());
                if (!this.table.attemptFailed(id, attempts, String.valueOf(ex.getMessage()), !retry,
                        position.size())) {
                    logger.info("Stopped background migration " + id + " after a failed batch: it was paused");
                    return;
                }
                if (!retry) {
                    logger.error("Background migration " + id + " \"" + migration.description() + "\" FAILED at"
                            + " cursor " + position.cursor() + " after " + attempts
                            + ((attempts == 1) ? " attempt" : " attempts") + "; the batch was rolled back and later"
                            + " background migrations wait. Fix the cause, then retry it (POST"
                            + " /actuator/migrations/background/" + id + "/retry, or BackgroundMigrationRunner.retry):"
                            + " it resumes from that cursor", ex);
                    return;
                }
                long backoff = Math.min(10_000, 100L << Math.min(attempts, 10));
                logger.warn("A batch of background migration " + id + " failed (attempt " + attempts + " of "
                        + this.settings.maxAttempts() + "), retrying in " + backoff + " ms with " + position.size()
                        + " keys: " + ex.getMessage());
                await(Duration.ofMillis(backoff));
                continue;
            }
            if (batch == null) {
                BackgroundMigrationInfo now = this.table.read(id);
                logger.info("Stopped " + ((now != null) ? now.displayName() : id) + " at cursor "
                        + position.cursor() + "; the batch in flight was rolled back");
                return;
            }
            tell(id, position.size(), batch.result().rows(), batch.nanos());
            attempts = 0;
            position = new Position(batch.result().nextCursor(), sizer.next(position.size(), batch.nanos()),
                    position.batches() + 1);
            if (batch.result().isFinished()) {
                BackgroundMigrationInfo done = this.table.read(id);
                logger.info("Finished " + ((done != null) ? done.displayName() : id) + ": "
                        + ((done != null) ? done.rowsDone() + " rows in " + done.batches()
                                + ((done.batches() == 1) ? " batch" : " batches") : ""));
                if (!this.stopping) {
                    // Not while the application shuts down: the next start applies what waited.
                    this.afterFinish.run();
                }
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
     * One batch in its own transaction, or {@code null} when the migration was paused meanwhile, or moved on by
     * another worker (rolled back).
     */
    private @Nullable Batch batch(BackgroundMigration migration, LeaseLock lease, Position position,
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
                BatchResult result = migration.migrateBatch(new Context(connection, migration.id(),
                        position.cursor(), position.size()));
                if (!this.table.advance(connection, migration.id(), result.nextCursor(), result.rows(),
                        position.size(), position.batches())) {
                    connection.rollback();
                    return null;
                }
                connection.commit();
                // The whole transaction, commit included: how long the batch held its locks.
                long nanos = System.nanoTime() - start;
                if (logger.isDebugEnabled()) {
                    logger.debug("Batch of " + position.size() + " keys of background migration " + migration.id()
                            + " took " + nanos / 1_000_000 + " ms");
                }
                return new Batch(result, nanos);
            }
            catch (Exception | Error ex) {
                rollback(connection);
                throw ex;
            }
            finally {
                restore(connection, autoCommit);
            }
        }
    }

    private void tell(String id, int size, long rows, long nanos) {
        for (BackgroundMigrationListener listener : this.listeners) {
            try {
                listener.batchCommitted(id, size, rows, Duration.ofNanos(nanos));
            }
            catch (RuntimeException | LinkageError | AssertionError ex) {
                logger.warn("Background migration listener " + listener + " failed: " + ex.getMessage(), ex);
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

    /**
     * The worker's lease, made once: it remembers that its table exists, so a poll is one query.
     */
    private LeaseLock lease() {
        LeaseLock lease = this.lease;
        if (lease == null) {
            lease = this.leases.get();
            this.lease = lease;
        }
        return lease;
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

    private static void restore(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        }
        catch (SQLException ex) {
            // The batch's outcome stands; the pool resets or discards the connection.
            logger.debug("Could not restore auto-commit: " + ex.getMessage());
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

    private record Batch(BatchResult result, long nanos) {
    }

    /**
     * Where the next batch starts, how many keys it takes, and how many batches were committed before it, which the
     * batch's own record checks, so that no batch is recorded twice.
     */
    private record Position(@Nullable String cursor, int size, long batches) {

        static Position of(BackgroundMigrationInfo row, BackgroundSettings settings) {
            int size = Math.max(settings.minBatchSize(), Math.min(settings.maxBatchSize(), row.batchSize()));
            return new Position(row.cursor(), size, row.batches());
        }

        Position withSize(int size) {
            return new Position(this.cursor, size, this.batches);
        }

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
