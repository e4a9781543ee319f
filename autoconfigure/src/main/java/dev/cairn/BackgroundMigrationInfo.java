package dev.cairn;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What is known of one background migration: its state and progress as the state table records them.
 *
 * @param id the id
 * @param description the description
 * @param state the state
 * @param rowsDone the rows processed so far
 * @param rowsEstimate the estimated rows in all, or {@code null}
 * @param cursor where the next batch starts, {@code null} before the first
 * @param batchSize the size of the next batch
 * @param batches the batches committed
 * @param attempts the failed attempts of the current batch
 * @param lastError the last error, kept after a FAILED state and until the next batch commits
 * @param holder the instance that runs it, or ran it last (process id and host)
 * @param startedAt when the first batch started
 * @param updatedAt when the last batch committed
 * @param finishedAt when the last batch committed, for a FINISHED migration
 */
public record BackgroundMigrationInfo(String id, String description, BackgroundMigrationState state, long rowsDone,
        @Nullable Long rowsEstimate, @Nullable String cursor, int batchSize, long batches, int attempts,
        @Nullable String lastError, @Nullable String holder, @Nullable Instant startedAt, @Nullable Instant updatedAt,
        @Nullable Instant finishedAt) {

    /**
     * How far it is, from the rows done and the estimate: 100 once finished, at most 99 before.
     * @return the percentage, or {@code null} without an estimate
     */
    public @Nullable Integer percent() {
        if (this.state == BackgroundMigrationState.FINISHED) {
            return 100;
        }
        if (this.rowsEstimate == null || this.rowsEstimate <= 0) {
            return (this.rowsEstimate != null) ? 99 : null;
        }
        return (int) Math.min(99, this.rowsDone * 100 / this.rowsEstimate);
    }

    /**
     * The rows processed per second since it started, up to its last batch.
     * @return the rate, or {@code null} before a batch committed
     */
    public @Nullable Long rowsPerSecond() {
        if (this.startedAt == null || this.updatedAt == null) {
            return null;
        }
        long millis = Math.max(1, Duration.between(this.startedAt, this.updatedAt).toMillis());
        return this.rowsDone * 1000 / millis;
    }

    /**
     * How long the rest should take at the rate so far.
     * @return the time left, or {@code null} without an estimate or a rate, or once finished
     */
    public @Nullable Duration timeLeft() {
        Long rate = rowsPerSecond();
        if (this.state == BackgroundMigrationState.FINISHED || this.rowsEstimate == null || rate == null
                || rate == 0) {
            return null;
        }
        return Duration.ofSeconds(Math.max(0, this.rowsEstimate - this.rowsDone) / rate);
    }

    /**
     * The migration named for messages: {@code background migration 1 "Backfill titles" (RUNNING, 45%)}.
     * @return the name with its state
     */
    public String displayName() {
        Integer percent = percent();
        return "background migration " + this.id + " \"" + this.description + "\" (" + this.state
                + ((percent != null && this.state != BackgroundMigrationState.FINISHED) ? ", " + percent + "% done"
                        : "")
                + ")";
    }

}
