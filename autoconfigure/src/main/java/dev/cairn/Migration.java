package dev.cairn;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;

/**
 * One versioned change to the database schema or its data, declared as a Spring bean.
 *
 * <p>Every bean that implements this interface is discovered by the {@link MigrationRunner} and applied once, in
 * ascending {@link #version()} order. Never change a migration that has been applied: write a new one.
 */
public interface Migration {

    /**
     * Unique and positive; migrations apply in ascending order. Timestamps such as {@code 20261121093000} are fine.
     * @return the version of this migration
     */
    long version();

    /**
     * Shown in logs, the history table and the endpoint. Default: the class's simple name in words, so
     * {@code AddTodoPriority} and {@code V3_AddTodoPriority} both become "Add todo priority".
     * @return a short, human-readable description
     */
    default String description() {
        return Descriptions.fromClass(AopUtils.getTargetClass(this), version());
    }

    /**
     * Applies the change. Runs in this migration's own transaction, committed together with its history row.
     * @param context the connection, transaction and dialect to work with
     * @throws Exception to fail the migration; its transaction is rolled back
     */
    void up(MigrationContext context) throws Exception;

    /**
     * Reverts {@link #up}. A migration that does not override it is irreversible, and rollback past it fails
     * clearly before anything is changed.
     * @param context the connection, transaction and dialect to work with
     * @throws Exception to fail the rollback; its transaction is rolled back
     */
    default void down(MigrationContext context) throws Exception {
        throw new UnsupportedOperationException("Migration " + version() + " \"" + description()
                + "\" does not implement down()");
    }

    /**
     * Whether the migration runs in a transaction. {@code false} for statements that cannot run in one, such as
     * {@code CREATE INDEX CONCURRENTLY} or {@code VACUUM}; the history row is then written after {@link #up}
     * succeeds.
     * @return whether {@link #up} and {@link #down} run in a transaction
     */
    default boolean transactional() {
        return true;
    }

    /**
     * The ids of the {@link BackgroundMigration}s that must have finished before this migration runs, as GitLab's
     * migrations ensure a batched background migration is finished: "add a column, backfill it in the background,
     * then make it NOT NULL" is written as a migration, a background migration, and a migration that requires it.
     * Until they have finished, this migration and every one after it wait; they apply when the last of them
     * finishes, or at the next start.
     * @return the ids, empty by default
     */
    default Set<String> requiredBackgroundMigrations() {
        return Set.of();
    }

    /**
     * The tables whose data this migration drops or rewrites (a {@code DROP TABLE}, a {@code DROP COLUMN}, a type
     * change that rewrites values): Cairn backs them up before it runs ({@code cairn.backup.mode}), and where the
     * database cannot roll a failed migration back (MariaDB and MySQL DDL, a migration that is not transactional)
     * restores them from that backup. On SQLite the whole database file is backed up.
     * @return the tables, empty by default
     */
    default Set<String> destroys() {
        return Set.of();
    }

    /**
     * Whether the migration only adds to the schema (tables, nullable columns or columns with a default, indexes,
     * data), so that older versions of the application still work against what it leaves. Java code cannot be
     * inspected before it runs, so with {@code cairn.policy=append-only} a Java migration that says neither this nor
     * {@link #breaking()} is refused once the database has applied migrations; its history row records the answer,
     * which an older instance reads when it starts against a newer schema ({@code cairn.future}).
     * @return {@code true} when it only adds; {@code false} by default
     */
    default boolean additive() {
        return false;
    }

    /**
     * Why the migration breaks older versions of the application on purpose (drops, renames or redefines what they
     * use), for example {@code "drops todos.title; every instance reads content since 2.3"}. A reason lets
     * {@code cairn.policy=append-only} apply it, is recorded in the history table, and makes older instances refuse
     * to start against the schema it leaves ({@code cairn.future}).
     * @return the reason, or {@code null} (the default) when it does not break on purpose
     */
    default @Nullable String breaking() {
        return null;
    }

    /**
     * A checksum of what the migration does, stored in the history table and compared on every start so that an
     * applied migration that was changed afterwards is detected. {@code null} (the default) disables the check,
     * as Java code cannot be hashed reliably; return, for example, a hash of the SQL the migration runs.
     * @return the checksum, or {@code null}
     */
    default @Nullable Integer checksum() {
        return null;
    }

}
