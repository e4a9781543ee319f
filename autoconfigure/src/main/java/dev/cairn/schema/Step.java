package dev.cairn.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One declarative schema change, as data that can be inspected before anything runs: what it changes, whether it
 * is additive and what undoes it. Built with {@link Steps}; each database renders it in its own SQL.
 */
public sealed interface Step permits CreateTable, AddColumns, CreateIndex, DropIndex, RenameColumn, RenameTable,
        AlterColumn, AddForeignKey, DropColumn, DropTable, SqlStep {

    /**
     * Whether the step only adds: applications built against the schema before it keep reading and writing as they
     * did (a new table, a column that accepts nulls or has a default, an index, a dropped index). Renames, drops,
     * type changes, {@code NOT NULL} on an existing column and new constraints are not.
     * @return whether the step is additive
     */
    boolean additive();

    /**
     * The steps that undo this one, or {@code null} when it cannot be undone without losing data or knowing what
     * was there before ({@code dropTable}, {@code dropColumn}, {@code alterColumn}, {@code sql} without a down).
     * @return the inverse steps, or {@code null}
     */
    @Nullable List<Step> inverse();

    /**
     * The table the step changes, or {@code null} for an {@code sql} step.
     * @return the table
     */
    @Nullable String table();

    /**
     * Why the step is not additive, and what to do instead, for the append-only policy.
     * @return the advice, or {@code null} for an additive step
     */
    default @Nullable String advice() {
        return null;
    }

}
