package dev.cairn;

import java.sql.Connection;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one batch of a {@link BackgroundMigration} works with: where the previous batch stopped, how many rows to take,
 * and the connection of the batch's own transaction.
 */
public interface BatchContext {

    /**
     * Where the previous batch stopped: the cursor it returned, or {@code null} for the first batch.
     * @return the cursor
     */
    @Nullable String cursor();

    /**
     * The cursor as a whole number, for keyset pagination over a numeric key.
     * @return the cursor, or {@code null} for the first batch
     * @throws NumberFormatException when the cursor is not a whole number
     */
    default @Nullable Long cursorAsLong() {
        String cursor = cursor();
        return (cursor != null) ? Long.valueOf(cursor) : null;
    }

    /**
     * About how many rows this batch should process: adapted after every batch so that a batch takes about
     * {@code cairn.background.batch-time}.
     * @return the batch size
     */
    int batchSize();

    /**
     * A template bound to this batch's connection and transaction.
     * @return the template
     */
    JdbcTemplate jdbc();

    /**
     * This batch's connection, in its transaction. Do not commit, roll back or close it.
     * @return the connection
     */
    Connection connection();

    /**
     * The migration's id, for messages.
     * @return the id
     */
    String migrationId();

}
