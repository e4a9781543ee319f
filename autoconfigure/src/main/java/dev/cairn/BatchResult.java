package dev.cairn;

import org.jspecify.annotations.Nullable;

/**
 * What one batch of a {@link BackgroundMigration} did: how many rows it processed and where the next batch starts,
 * or that it was the last.
 *
 * @param nextCursor where the next batch starts, {@code null} when the migration is finished
 * @param rows how many rows the batch processed, for the progress shown
 */
public record BatchResult(@Nullable String nextCursor, long rows) {

    /**
     * A batch after which there is more to do.
     * @param nextCursor where the next batch starts, such as the last key processed
     * @param rows the rows processed
     * @return the result
     */
    public static BatchResult next(Object nextCursor, long rows) {
        if (nextCursor == null) {
            throw new IllegalArgumentException("A batch with more to do needs a cursor; return"
                    + " BatchResult.finished(rows) after the last batch");
        }
        return new BatchResult(nextCursor.toString(), rows);
    }

    /**
     * The last batch.
     * @param rows the rows processed
     * @return the result
     */
    public static BatchResult finished(long rows) {
        return new BatchResult(null, rows);
    }

    /**
     * Whether this was the last batch.
     * @return {@code true} when there is no next cursor
     */
    public boolean isFinished() {
        return this.nextCursor == null;
    }

}
