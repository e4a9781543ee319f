package dev.cairn.core.source;

import dev.cairn.MigrationContext;
import dev.cairn.ResolvedMigration;
import org.jspecify.annotations.Nullable;

/**
 * A resolved migration together with what runs it: every source (beans, SQL scripts) produces these, and the plan
 * and the executor know nothing else about where a migration came from.
 */
public interface ExecutableMigration extends ResolvedMigration {

    /**
     * What the history table's {@code script} column records: an SQL script's path relative to its location, as
     * Flyway records it, or {@code null} for a bean.
     * @return the script
     */
    @Nullable String script();

    /**
     * Applies the migration.
     * @param context the connection and transaction to work in
     * @throws Exception when it fails
     */
    void up(MigrationContext context) throws Exception;

    /**
     * Reverts the migration; only called when it is {@linkplain #reversible() reversible}.
     * @param context the connection and transaction to work in
     * @throws Exception when it fails
     */
    void down(MigrationContext context) throws Exception;

}
