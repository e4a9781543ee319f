package dev.cairn;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One migration as Cairn found it, whatever its source: a {@link Migration} bean or an SQL script. Passed to
 * {@link MigrationCallback}s and available to a running migration through {@link MigrationContext#migration()}.
 */
public interface ResolvedMigration {

    /**
     * The version, or {@code null} for a repeatable migration (an {@code R__} script), which has none.
     * @return the version
     */
    @Nullable Version version();

    /**
     * The description shown in logs, the history table and the endpoint.
     * @return the description
     */
    String description();

    /**
     * The kind of migration, such as {@code JAVA} or {@code SQL}.
     * @return the type
     */
    String type();

    /**
     * Where the migration comes from, as named in every message: {@code bean 'createUsers'} or
     * {@code classpath:db/migration/V1__create_users.sql}.
     * @return the origin
     */
    String origin();

    /**
     * The checksum stored in the history table and compared on every start, or {@code null} when the migration
     * has none.
     * @return the checksum
     */
    @Nullable Integer checksum();

    /**
     * Whether the migration runs in a transaction committed together with its history row.
     * @return {@code false} for migrations with statements that cannot run in a transaction
     */
    boolean transactional();

    /**
     * Whether the migration can be reverted.
     * @return {@code true} when it has a {@code down}
     */
    boolean reversible();

    /**
     * The ids of the background migrations that must have finished before this migration runs; until then it, and
     * every migration after it, waits.
     * @return the ids, empty for most migrations
     */
    default Set<String> requiredBackgroundMigrations() {
        return Set.of();
    }

    /**
     * The tables whose data the migration drops or rewrites, which Cairn backs up before it runs
     * ({@code cairn.backup.mode}).
     * @return the tables, empty for most migrations
     */
    default Set<String> destroys() {
        return Set.of();
    }

    /**
     * Whether the migration is repeatable: applied again whenever its checksum changes.
     * @return {@code true} for a migration without a version
     */
    default boolean repeatable() {
        return version() == null;
    }

    /**
     * The migration named for messages: {@code migration 2 "Create todos" (bean 'createTodos')}.
     * @return the name
     */
    default String displayName() {
        return ((version() != null) ? "migration " + version() : "repeatable migration") + " \"" + description()
                + "\" (" + origin() + ")";
    }

}
