package dev.cairn;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.cairn.background.Catalog;
import dev.cairn.background.StateTable;
import dev.cairn.background.Worker;
import dev.cairn.core.MigrationGate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;


/**
 * Runs the {@link BackgroundMigration}s on a thread of its own once {@link #start() started}, in the one instance
 * that holds their lease, and reports, pauses, resumes and retries them. It is also the {@link MigrationGate} of the
 * {@link MigrationRunner}: a migration that requires a background migration waits until it has finished.
 */
public final class BackgroundMigrationRunner implements MigrationGate {

    private static final Log logger = LogFactory.getLog(BackgroundMigrationRunner.class);

    private final DataSource dataSource;

    private final Catalog catalog;

    private final BackgroundSettings settings;

    private final Runnable afterFinish;

    private final List<BackgroundMigrationListener> listeners;

    private @Nullable Worker worker;

    private @Nullable Thread thread;

    private BackgroundMigrationRunner(Builder builder) {
        this.dataSource = builder.dataSource;
        this.catalog = new Catalog(builder.dataSource, builder.migrations, builder.settings);
        this.settings = builder.settings;
        this.afterFinish = builder.afterFinish;
        this.listeners = builder.listeners;
    }

    /**
     * A builder of a runner for the given data source.
     * @param dataSource where the migrations run
     * @return the builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Starts the worker thread, unless there are no background migrations or it runs already. Returns at once: the
     * migrations never delay a start.
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        List<BackgroundMigration> migrations = this.catalog.migrations();
        if (migrations.isEmpty()) {
            return;
        }
        Worker worker = new Worker(this.dataSource, this.catalog.table(), migrations, this.settings,
                this.catalog::newLease, this::afterFinish, this.listeners);
        Thread thread = new Thread(worker, "cairn-background");
        thread.setDaemon(true);
        this.worker = worker;
        this.thread = thread;
        thread.start();
    }

    /**
     * Stops the worker after the batch in flight has committed, waiting for it up to the given time.
     * @param timeout how long to wait
     * @return whether the worker has stopped
     */
    public boolean stop(Duration timeout) {
        Worker worker;
        Thread thread;
        synchronized (this) {
            worker = this.worker;
            thread = this.thread;
        }
        if (worker == null || thread == null) {
            return true;
        }
        worker.stop();
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /**
     * Whether the worker thread runs: working, or waiting for a lease or for a paused or failed migration.
     * @return whether it runs
     */
    public synchronized boolean isRunning() {
        return this.thread != null && this.thread.isAlive();
    }

    /**
     * Waits until the worker thread has ended: every migration finished, or the runner stopped.
     * @param timeout how long to wait
     * @return whether it has ended
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        Thread thread;
        synchronized (this) {
            thread = this.thread;
        }
        if (thread != null) {
            thread.join(Math.max(1, timeout.toMillis()));
            return !thread.isAlive();
        }
        return true;
    }

    /**
     * Whether the application defines background migrations.
     * @return whether there are any
     */
    public boolean hasMigrations() {
        return !this.catalog.isEmpty();
    }

    /**
     * Every background migration, defined by the application or recorded in the state table, in id order.
     * @return their states
     */
    public List<BackgroundMigrationInfo> status() {
        return this.catalog.status();
    }

    /**
     * Pauses a QUEUED or RUNNING migration: the batch in flight is rolled back, and it and the migrations after it
     * wait until it is resumed.
     * @param id the id
     * @return its state, or {@code null} when no such migration is recorded
     * @throws MigrationException when it is neither QUEUED nor RUNNING
     */
    public @Nullable BackgroundMigrationInfo pause(String id) {
        return move(id, "paused", BackgroundMigrationState.PAUSED, BackgroundMigrationState.QUEUED,
                BackgroundMigrationState.RUNNING);
    }

    /**
     * Resumes a PAUSED migration from its cursor.
     * @param id the id
     * @return its state, or {@code null} when no such migration is recorded
     * @throws MigrationException when it is not PAUSED
     */
    public @Nullable BackgroundMigrationInfo resume(String id) {
        BackgroundMigrationInfo row = this.catalog.recorded(id);
        if (row == null) {
            return null;
        }
        return move(id, "resumed", (row.startedAt() != null) ? BackgroundMigrationState.RUNNING
                : BackgroundMigrationState.QUEUED, BackgroundMigrationState.PAUSED);
    }

    /**
     * Retries a FAILED migration from the cursor of its last committed batch.
     * @param id the id
     * @return its state, or {@code null} when no such migration is recorded
     * @throws MigrationException when it is not FAILED
     */
    public @Nullable BackgroundMigrationInfo retry(String id) {
        return move(id, "retried", BackgroundMigrationState.RUNNING, BackgroundMigrationState.FAILED);
    }

    @Override
    public @Nullable String waitingFor(ResolvedMigration migration) {
        return migration.requiredBackgroundMigrations().isEmpty() ? null : this.catalog.waitingFor(migration);
    }

    @Override
    public Set<String> tables() {
        return this.catalog.tables();
    }

    private @Nullable BackgroundMigrationInfo move(String id, String verb, BackgroundMigrationState to,
            BackgroundMigrationState... from) {
        BackgroundMigrationInfo row = this.catalog.recorded(id);
        if (row == null) {
            return null;
        }
        StateTable table = this.catalog.table();
        if (!table.move(id, to, from)) {
            BackgroundMigrationInfo now = table.read(id);
            throw new MigrationException("Background migration " + id + " cannot be " + verb + ": it is "
                    + ((now != null) ? now.state() : "gone"), "Only a migration that is " + List.of(from)
                            + " can be " + verb + ".");
        }
        logger.info("Background migration " + id + " " + verb + " (" + row.state() + " -> " + to + ")");
        BackgroundMigrationInfo moved = table.read(id);
        synchronized (this) {
            if (this.worker != null) {
                this.worker.wake();
            }
        }
        return moved;
    }

    private void afterFinish() {
        try {
            this.afterFinish.run();
        }
        catch (RuntimeException ex) {
            logger.error("Could not apply the migrations that waited for a background migration: " + ex.getMessage(),
                    ex);
        }
    }

    /**
     * Builds a {@link BackgroundMigrationRunner}.
     */
    public static final class Builder {

        private final DataSource dataSource;

        private Supplier<? extends Map<String, ? extends BackgroundMigration>> migrations = Map::of;

        private BackgroundSettings settings = BackgroundSettings.defaults();

        private Runnable afterFinish = () -> {
        };

        private List<BackgroundMigrationListener> listeners = List.of();

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The migrations.
         * @param migrations the migrations
         * @return this builder
         */
        public Builder migrations(List<? extends BackgroundMigration> migrations) {
            Map<String, BackgroundMigration> named = new LinkedHashMap<>();
            for (BackgroundMigration migration : migrations) {
                named.put(migration.getClass().getSimpleName() + "#" + named.size(), migration);
            }
            this.migrations = () -> named;
            return this;
        }

        /**
         * The migrations by bean name, looked up on every operation.
         * @param migrations the migrations
         * @return this builder
         */
        public Builder migrations(Supplier<? extends Map<String, ? extends BackgroundMigration>> migrations) {
            this.migrations = migrations;
            return this;
        }

        public Builder settings(BackgroundSettings settings) {
            this.settings = settings;
            return this;
        }

        /**
         * What to run after a migration has finished, in the instance that ran it: Spring Boot's auto-configuration
         * migrates, so that the migrations that waited for it apply.
         * @param afterFinish what to run
         * @return this builder
         */
        public Builder afterFinish(Runnable afterFinish) {
            this.afterFinish = afterFinish;
            return this;
        }

        /**
         * Observers of every committed batch: metrics, benchmarks.
         * @param listeners the listeners, told in order
         * @return this builder
         */
        public Builder listeners(List<? extends BackgroundMigrationListener> listeners) {
            this.listeners = List.copyOf(listeners);
            return this;
        }

        public BackgroundMigrationRunner build() {
            return new BackgroundMigrationRunner(this);
        }

    }

}
