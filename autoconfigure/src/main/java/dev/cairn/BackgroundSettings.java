package dev.cairn;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a {@link BackgroundMigrationRunner} works: its state table, the target time of a batch and the limits of its
 * size, retries, and its lease. Immutable: start from {@link #defaults()} and change what differs with the
 * {@code with...} methods. In a Spring Boot application these come from the {@code cairn.background.*} properties.
 */
public final class BackgroundSettings {

    /** The default state table name. */
    public static final String DEFAULT_TABLE = "cairn_background_migrations";

    private String table = DEFAULT_TABLE;

    private @Nullable String schema;

    private Duration batchTime = Duration.ofMillis(100);

    private int batchSize = 1000;

    private int minBatchSize = 10;

    private int maxBatchSize = 100_000;

    private Duration pause = Duration.ZERO;

    private int maxAttempts = 5;

    private Duration lease = Duration.ofSeconds(30);

    private Duration progressInterval = Duration.ofSeconds(5);

    private BackgroundSettings() {
    }

    /**
     * The defaults: {@code cairn_background_migrations} in the current schema, batches of about 100 ms starting at
     * 1000 rows (between 10 and 100,000), no pause between them, 5 attempts of a batch, a 30 second lease and a
     * progress line every 5 seconds.
     * @return the defaults
     */
    public static BackgroundSettings defaults() {
        return new BackgroundSettings();
    }

    private BackgroundSettings copy() {
        BackgroundSettings copy = new BackgroundSettings();
        copy.table = this.table;
        copy.schema = this.schema;
        copy.batchTime = this.batchTime;
        copy.batchSize = this.batchSize;
        copy.minBatchSize = this.minBatchSize;
        copy.maxBatchSize = this.maxBatchSize;
        copy.pause = this.pause;
        copy.maxAttempts = this.maxAttempts;
        copy.lease = this.lease;
        copy.progressInterval = this.progressInterval;
        return copy;
    }

    /** @return the state table's name (cairn.background.table) */
    public String table() {
        return this.table;
    }

    /** @return the state table's schema, {@code null} for the connection's current one (cairn.schema) */
    public @Nullable String schema() {
        return this.schema;
    }

    /** @return how long a batch should take; sizes adapt toward it (cairn.background.batch-time) */
    public Duration batchTime() {
        return this.batchTime;
    }

    /** @return the size of a migration's first batch (cairn.background.batch-size) */
    public int batchSize() {
        return this.batchSize;
    }

    /** @return the smallest batch (cairn.background.min-batch-size) */
    public int minBatchSize() {
        return this.minBatchSize;
    }

    /** @return the largest batch (cairn.background.max-batch-size) */
    public int maxBatchSize() {
        return this.maxBatchSize;
    }

    /** @return the pause after every batch (cairn.background.pause) */
    public Duration pause() {
        return this.pause;
    }

    /** @return how often a batch is tried before its migration is FAILED (cairn.background.max-attempts) */
    public int maxAttempts() {
        return this.maxAttempts;
    }

    /** @return how long the worker's lease lasts without being renewed (cairn.background.lease) */
    public Duration lease() {
        return this.lease;
    }

    /** @return how often a running migration logs its progress (cairn.background.progress-interval) */
    public Duration progressInterval() {
        return this.progressInterval;
    }

    public BackgroundSettings withTable(String table) {
        MigrationSettings.requireIdentifier(table, "state table name", "cairn.background.table");
        BackgroundSettings copy = copy();
        copy.table = table;
        return copy;
    }

    public BackgroundSettings withSchema(@Nullable String schema) {
        if (schema != null) {
            MigrationSettings.requireIdentifier(schema, "schema name", "cairn.schema");
        }
        BackgroundSettings copy = copy();
        copy.schema = schema;
        return copy;
    }

    public BackgroundSettings withBatchTime(Duration batchTime) {
        MigrationSettings.requirePositive(batchTime, "cairn.background.batch-time");
        BackgroundSettings copy = copy();
        copy.batchTime = batchTime;
        return copy;
    }

    /**
     * The batch sizes: the first, the smallest and the largest.
     * @param first the first batch's size
     * @param min the smallest
     * @param max the largest
     * @return the settings
     */
    public BackgroundSettings withBatchSizes(int first, int min, int max) {
        if (min < 1 || max < min || first < min || first > max) {
            throw new MigrationException("Invalid batch sizes: first " + first + ", smallest " + min + ", largest "
                    + max + " (cairn.background.batch-size, min-batch-size, max-batch-size)",
                    "Set cairn.background.min-batch-size to at least 1, cairn.background.max-batch-size to at least"
                            + " that, and cairn.background.batch-size between the two.");
        }
        BackgroundSettings copy = copy();
        copy.batchSize = first;
        copy.minBatchSize = min;
        copy.maxBatchSize = max;
        return copy;
    }

    public BackgroundSettings withPause(Duration pause) {
        if (pause.isNegative()) {
            throw new MigrationException("Invalid pause " + pause + " (cairn.background.pause)",
                    "Set cairn.background.pause to 0 or a positive duration such as 50ms.");
        }
        BackgroundSettings copy = copy();
        copy.pause = pause;
        return copy;
    }

    public BackgroundSettings withMaxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new MigrationException("Invalid attempts " + maxAttempts + " (cairn.background.max-attempts)",
                    "Set cairn.background.max-attempts to 1 or more.");
        }
        BackgroundSettings copy = copy();
        copy.maxAttempts = maxAttempts;
        return copy;
    }

    public BackgroundSettings withLease(Duration lease) {
        MigrationSettings.requirePositive(lease, "cairn.background.lease");
        BackgroundSettings copy = copy();
        copy.lease = lease;
        return copy;
    }

    public BackgroundSettings withProgressInterval(Duration progressInterval) {
        MigrationSettings.requirePositive(progressInterval, "cairn.background.progress-interval");
        BackgroundSettings copy = copy();
        copy.progressInterval = progressInterval;
        return copy;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof BackgroundSettings settings && state().equals(settings.state());
    }

    @Override
    public int hashCode() {
        return state().hashCode();
    }

    private List<Object> state() {
        return Arrays.asList(this.table, this.schema, this.batchTime, this.batchSize, this.minBatchSize,
                this.maxBatchSize, this.pause, this.maxAttempts, this.lease, this.progressInterval);
    }

}
