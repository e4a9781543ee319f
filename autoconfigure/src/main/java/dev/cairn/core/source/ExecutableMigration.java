package dev.cairn.core.source;

import java.util.List;

import dev.cairn.MigrationContext;
import dev.cairn.ResolvedMigration;
import dev.cairn.core.sql.SqlStatement;
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
     * The statements {@link #up(MigrationContext)} will run, in order, where they are known before it runs: an SQL
     * script's, with its placeholders replaced. A dry run shows them.
     * @return the statements, or {@code null} where only running the migration shows them, as for a bean
     * @throws dev.cairn.MigrationException when the statements cannot be worked out: a script that cannot be split,
     * or a placeholder without a value
     */
    default @Nullable List<SqlStatement> plannedStatements() {
        return null;
    }

    /**
     * The version as a bean declared it, which may be invalid (zero or negative), for the plan to refuse.
     * @return the declared version, or {@code null} for a migration whose version is not a bean's number
     */
    default @Nullable Long declaredVersion() {
        return null;
    }

    /**
     * Whether the migration's transaction must run with foreign keys off, as SQLite's table rebuild needs: the
     * switch has no effect inside a transaction.
     * @param databaseName the database's name, as its dialect gives it
     * @return whether foreign keys are switched off around the transaction
     */
    default boolean needsForeignKeysOff(String databaseName) {
        return false;
    }

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
