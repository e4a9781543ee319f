package dev.cairn.core;

import java.sql.Connection;
import java.util.List;

import dev.cairn.MigrationContext;
import dev.cairn.ResolvedMigration;
import dev.cairn.SqlDialect;
import dev.cairn.core.source.StepRunner;
import dev.cairn.schema.Step;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@link MigrationContext} of a migration, or of a listener's event when {@code migration} is {@code null}.
 *
 * @param jdbc a template bound to the connection and its transaction
 * @param connection the connection
 * @param dialect the database
 * @param migration the migration, {@code null} in run-level events
 */
record RunContext(JdbcTemplate jdbc, Connection connection, SqlDialect dialect,
        @Nullable ResolvedMigration migration) implements MigrationContext {

    @Override
    public void apply(Step... steps) {
        StepRunner.apply(List.of(steps), this);
    }

}
