package dev.cairn;

import java.sql.Connection;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a running migration works with: its connection and transaction, as JDBC and as a {@link JdbcTemplate}.
 */
public interface MigrationContext {

    /**
     * A {@link JdbcTemplate} bound to this migration's connection and transaction.
     * @return the template
     */
    JdbcTemplate jdbc();

    /**
     * This migration's connection. Do not close it, commit it or change its auto-commit mode: the runner does.
     * @return the connection
     */
    Connection connection();

    /**
     * The database the migration runs against, for the few statements that differ between databases.
     * @return the dialect
     */
    SqlDialect dialect();

    /**
     * The migration being applied or reverted; {@code null} in a {@link MigrationCallback}'s run-level events.
     * @return the migration
     */
    @Nullable ResolvedMigration migration();

    /**
     * Applies declarative steps in this migration's transaction, rendered for this database, as a
     * {@link dev.cairn.schema.SchemaMigration} applies its own: for a Java migration that mixes steps with code, such
     * as a backfill between {@code addColumns} and {@code alterColumn(...).notNull()}. On SQLite, a step that needs
     * the table rebuild (see {@code SchemaMigration}) is refused here while foreign keys are enforced, as only a schema
     * migration switches them off around its transaction; write such a step in a {@code SchemaMigration}.
     * @param steps the steps
     */
    void apply(dev.cairn.schema.Step... steps);

}
