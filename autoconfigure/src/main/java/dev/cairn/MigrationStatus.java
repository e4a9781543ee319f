package dev.cairn;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Every known migration, from the application and from the history table: versioned ones in version order, then
 * repeatable ones in description order.
 *
 * @param currentVersion the highest applied version, {@code null} on an empty database
 * @param migrations every migration with its state
 */
public record MigrationStatus(@Nullable Version currentVersion, List<MigrationInfo> migrations) {

    /**
     * The migrations in the given state.
     * @param state the state to select
     * @return those migrations, in order
     */
    public List<MigrationInfo> inState(MigrationState state) {
        return this.migrations.stream().filter((migration) -> migration.state() == state).toList();
    }

}
