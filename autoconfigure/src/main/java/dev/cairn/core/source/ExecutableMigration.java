package dev.cairn.core.source;

import java.util.List;

import dev.cairn.MigrationContext;
import dev.cairn.ResolvedMigration;
import dev.cairn.core.change.Change;
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
     * What the migration changes, classified before it runs, for {@code cairn.policy=append-only} and the history's
     * {@code additive} column: an SQL script's statements, a declarative migration's steps. A kind of migration that
     * cannot be inspected keeps this default: one change that is unclassified, so it counts as breaking.
     * @return the changes, in the order they run
     */
    default List<Change> changes() {
        return List.of(Change.unclassified(origin() + " cannot be inspected before it runs",
                "Declare whether it is additive, or why it breaks on purpose."));
    }

    /**
     * Why the migration breaks older versions of the application on purpose, as it declares it: recorded in the
     * history table, and it lets {@code cairn.policy=append-only} apply the migration.
     * @return the reason, or {@code null} when it declares none
     */
    default @Nullable String breakingReason() {
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
     * Whether the migration only adds, as its history row records it: not when it declares a breaking reason, and
     * only when every one of its {@linkplain #changes() changes} is additive.
     * @return whether it is additive
     */
    default boolean additive() {
        return breakingReason() == null && Change.allAdditive(changes());
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
