package dev.cairn;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@link MigrationRunner#migrate()} would do now, worked out by {@link MigrationRunner#dryRun()} without doing
 * it: the pending migrations in the order they would apply, with the statements of those whose statements are known
 * before they run.
 *
 * @param currentVersion the highest applied version now, {@code null} on an empty database
 * @param resultingVersion the highest applied version once the pending migrations are applied
 * @param pending the migrations that would apply, in order
 */
public record DryRunResult(@Nullable Version currentVersion, @Nullable Version resultingVersion,
        List<PendingMigration> pending) {

    /**
     * One migration that would apply.
     *
     * @param version the version, {@code null} for a repeatable migration
     * @param description the description
     * @param type the kind of migration, such as {@code JAVA} or {@code SQL}
     * @param origin where it comes from: {@code bean 'createUsers'} or the script's location
     * @param transactional whether it would run in a transaction of its own
     * @param statements what it would run, in order, for an SQL script (placeholders replaced); {@code null} for a
     * Java migration, whose statements are known only when its code runs
     */
    public record PendingMigration(@Nullable Version version, String description, String type, String origin,
            boolean transactional, @Nullable List<Statement> statements) {

    }

    /**
     * One statement of a script, as it would run.
     *
     * @param line the line of the script it starts on
     * @param sql the statement, without the delimiter that ends it
     */
    public record Statement(int line, String sql) {

    }

}
