package dev.cairn.core.change;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One change a migration makes, as known before it runs, and whether an older version of the application still works
 * against the schema it leaves (seed 004, Evolu's append-only rule). Every kind of migration describes itself as a
 * list of these: an SQL script one per statement, a declarative schema migration one per step
 * ({@code new Change("step dropColumn(todos.priority)", Kind.BREAKING, "Stop writing the column instead")}), a Java
 * migration what its bean declares.
 *
 * @param what what the change is, for messages: {@code statement at line 3 drops a table: DROP TABLE todos}
 * @param kind whether it only adds
 * @param advice what to do instead where it is not additive, {@code null} for an additive change
 */
public record Change(String what, Kind kind, @Nullable String advice) {

    /**
     * Whether the change is additive.
     * @return {@code true} for an {@link Kind#ADDITIVE} change
     */
    public boolean additive() {
        return this.kind == Kind.ADDITIVE;
    }

    /**
     * An additive change.
     * @param what what it is
     * @return the change
     */
    public static Change additive(String what) {
        return new Change(what, Kind.ADDITIVE, null);
    }

    /**
     * A breaking change.
     * @param what what it is
     * @param advice what to do instead
     * @return the change
     */
    public static Change breaking(String what, String advice) {
        return new Change(what, Kind.BREAKING, advice);
    }

    /**
     * A change Cairn cannot classify, which counts as breaking.
     * @param what what it is
     * @param advice what to do instead
     * @return the change
     */
    public static Change unclassified(String what, String advice) {
        return new Change(what, Kind.UNCLASSIFIED, advice);
    }

    /**
     * Whether every change of a migration is additive.
     * @param changes the changes
     * @return {@code true} when all are additive
     */
    public static boolean allAdditive(List<Change> changes) {
        return changes.stream().allMatch(Change::additive);
    }

    /**
     * Whether a change keeps the schema usable by older versions of the application.
     */
    public enum Kind {

        /** Only adds: a table, a nullable column or one with a default, an index, data. */
        ADDITIVE,

        /** Drops, renames or redefines what older versions use, or adds a rule their writes may break. */
        BREAKING,

        /** Cannot be told before it runs, such as Java code or a statement the parser cannot read; counts as breaking. */
        UNCLASSIFIED

    }

}
