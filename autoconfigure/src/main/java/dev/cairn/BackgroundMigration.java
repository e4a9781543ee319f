package dev.cairn;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A data migration that runs in the background after the application is ready, in short batches, each committed
 * together with the cursor it reached: a backfill of ten million rows never delays a start, holds no lock for long
 * and, after a crash, resumes from its last batch. Every bean that implements this interface is one; one instance
 * of the application runs them, one at a time in {@link #id()} order.
 *
 * <p>For the common case, an {@code UPDATE} of one table in batches over its key, return
 * {@link #update(String, String)} from a {@code @Bean} method instead of implementing this interface.
 */
public interface BackgroundMigration {

    /**
     * Unique among background migrations, ordered as versions are ({@code 1}, {@code 1.1}, {@code 2}); named by
     * {@link Migration#requiredBackgroundMigrations()} and by the endpoint.
     * @return the id
     */
    String id();

    /**
     * Shown in logs, the state table and the endpoint. Default: the class's simple name in words,
     * or "Background migration" and the id for a lambda or an anonymous class.
     * @return a short, human-readable description
     */
    default String description() {
        return Descriptions.fromClass(AopUtils.getTargetClass(this), "Background migration " + id());
    }

    /**
     * How many rows the migration will process in all, for its progress and the time left, or {@code null} when
     * unknown. Called once, when the migration starts, outside any batch.
     * @param jdbc a template on the application's data source
     * @return the estimate, or {@code null}
     */
    default @Nullable Long estimateRows(JdbcTemplate jdbc) {
        return null;
    }

    /**
     * Processes one batch: the rows after {@link BatchContext#cursor()}, about {@link BatchContext#batchSize()} of
     * them. Runs in a transaction of its own that commits the batch's changes together with the cursor returned, so
     * a batch is never applied twice and a crash loses at most the batch in flight.
     * @param batch the cursor, the batch size and the connection of this batch's transaction
     * @return the cursor for the next batch and the rows processed, or {@link BatchResult#finished(long)} after
     * the last batch
     * @throws Exception to roll the batch back; lock timeouts, deadlocks and serialization failures are retried,
     * anything else marks the migration FAILED with its cursor kept
     */
    BatchResult migrateBatch(BatchContext batch) throws Exception;

    /**
     * A background migration that updates a table in batches over its whole-number key, without code:
     * {@code BackgroundMigration.update("1", "todos").set("title_lower = LOWER(title)").where("title_lower IS NULL")}.
     * @param id the id
     * @param table the table to update
     * @return the migration, to be completed with {@link BatchedUpdate#set(String)}
     */
    static BatchedUpdate update(String id, String table) {
        return BatchedUpdate.of(id, table);
    }

}
