package dev.cairn.background;

import java.sql.Connection;

import dev.cairn.BatchContext;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One batch's {@link BatchContext}: its connection, in the transaction the worker commits with the cursor.
 */
final class Context implements BatchContext {

    private final Connection connection;

    private final String migrationId;

    private final @Nullable String cursor;

    private final int batchSize;

    private @Nullable JdbcTemplate jdbc;

    Context(Connection connection, String migrationId, @Nullable String cursor, int batchSize) {
        this.connection = connection;
        this.migrationId = migrationId;
        this.cursor = cursor;
        this.batchSize = batchSize;
    }

    @Override
    public @Nullable String cursor() {
        return this.cursor;
    }

    @Override
    public int batchSize() {
        return this.batchSize;
    }

    @Override
    public JdbcTemplate jdbc() {
        if (this.jdbc == null) {
            this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(this.connection, true));
        }
        return this.jdbc;
    }

    @Override
    public Connection connection() {
        return this.connection;
    }

    @Override
    public String migrationId() {
        return this.migrationId;
    }

}
