package dev.cairn.background;

import java.time.Duration;

/**
 * Adapts the size of a background migration's batches toward a target time per batch: from the time per key of the
 * batches so far (a moving average, so one slow batch does not halve the next), at most growing fourfold or halving
 * from one batch to the next, within the configured limits.
 */
final class BatchSizer {

    private final long targetNanos;

    private final int min;

    private final int max;

    private double nanosPerKey = -1;

    BatchSizer(Duration target, int min, int max) {
        this.targetNanos = target.toNanos();
        this.min = min;
        this.max = max;
    }

    /**
     * The size of the next batch.
     * @param size the size of the batch that ran
     * @param nanos how long it took
     * @return the next size
     */
    int next(int size, long nanos) {
        double perKey = (double) Math.max(nanos, 1) / Math.max(size, 1);
        this.nanosPerKey = (this.nanosPerKey < 0) ? perKey : (this.nanosPerKey + perKey) / 2;
        long wanted = Math.round(this.targetNanos / this.nanosPerKey);
        long bounded = Math.max(size / 2, Math.min(4L * size, wanted));
        return (int) Math.max(this.min, Math.min(this.max, bounded));
    }

    /**
     * The size to retry a batch with after a lock timeout or a deadlock: half, as smaller batches hold fewer locks.
     * @param size the size that failed
     * @return the size to retry with
     */
    int afterConflict(int size) {
        return Math.max(this.min, size / 2);
    }

}
