package dev.cairn;

import java.time.Duration;

/**
 * Hears what a background migration's worker did, after the fact, on the worker's thread: for metrics and for
 * benchmarks. What a listener throws is logged and does not change the migration.
 */
public interface BackgroundMigrationListener {

    /**
     * A batch committed.
     * @param migration the migration's id
     * @param batchSize the keys the batch covered
     * @param rows the rows it processed
     * @param duration how long its transaction took, commit included
     */
    default void batchCommitted(String migration, int batchSize, long rows, Duration duration) {
    }

}
