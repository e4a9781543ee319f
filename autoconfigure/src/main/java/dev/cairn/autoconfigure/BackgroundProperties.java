package dev.cairn.autoconfigure;

import java.time.Duration;

import dev.cairn.BackgroundSettings;
import org.jspecify.annotations.Nullable;

/**
 * Background migrations ({@code cairn.background.*}): how they run after the application is ready.
 */
public class BackgroundProperties {

    /**
     * Whether this instance runs background migrations once it is ready. With false, it still reports them and
     * waits for them, and another instance runs them.
     */
    private boolean enabled = true;

    /**
     * Name of the table that records each background migration's state and cursor.
     */
    private String table = BackgroundSettings.DEFAULT_TABLE;

    /**
     * How long a batch should take: batch sizes adapt toward it, so that each batch's transaction stays short.
     */
    private Duration batchTime = Duration.ofMillis(100);

    /**
     * Size of a background migration's first batch.
     */
    private int batchSize = 1000;

    /**
     * Smallest batch.
     */
    private int minBatchSize = 10;

    /**
     * Largest batch.
     */
    private int maxBatchSize = 100_000;

    /**
     * Pause after every batch, to leave the database more room.
     */
    private Duration pause = Duration.ZERO;

    /**
     * How often a batch is tried after lock timeouts, deadlocks and serialization failures before its migration
     * is FAILED.
     */
    private int maxAttempts = 5;

    /**
     * How long the worker's lease lasts without a heartbeat; another instance takes over after it when the worker's
     * instance died.
     */
    private Duration lease = Duration.ofSeconds(30);

    /**
     * How often a running background migration logs its progress.
     */
    private Duration progressInterval = Duration.ofSeconds(5);

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getTable() {
        return this.table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public Duration getBatchTime() {
        return this.batchTime;
    }

    public void setBatchTime(Duration batchTime) {
        this.batchTime = batchTime;
    }

    public int getBatchSize() {
        return this.batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getMinBatchSize() {
        return this.minBatchSize;
    }

    public void setMinBatchSize(int minBatchSize) {
        this.minBatchSize = minBatchSize;
    }

    public int getMaxBatchSize() {
        return this.maxBatchSize;
    }

    public void setMaxBatchSize(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    public Duration getPause() {
        return this.pause;
    }

    public void setPause(Duration pause) {
        this.pause = pause;
    }

    public int getMaxAttempts() {
        return this.maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getLease() {
        return this.lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public Duration getProgressInterval() {
        return this.progressInterval;
    }

    public void setProgressInterval(Duration progressInterval) {
        this.progressInterval = progressInterval;
    }

    /**
     * The settings these properties describe.
     * @param schema the schema of Cairn's tables ({@code cairn.schema})
     * @return the settings
     */
    public BackgroundSettings toSettings(@Nullable String schema) {
        return BackgroundSettings.defaults()
            .withTable(this.table)
            .withSchema(schema)
            .withBatchTime(this.batchTime)
            .withBatchSizes(this.batchSize, this.minBatchSize, this.maxBatchSize)
            .withPause(this.pause)
            .withMaxAttempts(this.maxAttempts)
            .withLease(this.lease)
            .withProgressInterval(this.progressInterval);
    }

}
