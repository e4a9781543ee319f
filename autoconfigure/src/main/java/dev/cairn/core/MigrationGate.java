package dev.cairn.core;

import java.util.Set;

import dev.cairn.MigrationException;
import dev.cairn.ResolvedMigration;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Says whether a pending migration may run now: not while a background migration it requires is unfinished
 * (GitLab's "ensure the batched background migration is finished").
 */
@FunctionalInterface
public interface MigrationGate {

    /** A gate for a runner without background migrations: a migration that requires one is refused. */
    // A class rather than a lambda: every runner has a gate, and a fresh JVM pays for linking each lambda.
    MigrationGate NONE = new MigrationGate() {
        @Override
        public @Nullable String waitingFor(ResolvedMigration migration) {
            if (!migration.requiredBackgroundMigrations().isEmpty()) {
                throw new MigrationException(StringUtils.capitalize(migration.displayName()) + " requires background"
                        + " migrations " + migration.requiredBackgroundMigrations() + ", but this runner knows of none",
                        "Build the MigrationRunner with the BackgroundMigrationRunner as its gate, as Spring Boot's"
                                + " auto-configuration does.");
            }
            return null;
        }
    };

    /**
     * What the migration waits for.
     * @param migration a pending migration
     * @return the unfinished background migration it waits for, named for the log, or {@code null} when it may run
     * @throws MigrationException when it requires a background migration that is neither defined nor recorded
     */
    @Nullable String waitingFor(ResolvedMigration migration);

    /**
     * The tables behind the gate, lower case, which a database may hold before its history table exists.
     * @return the tables
     */
    default Set<String> tables() {
        return Set.of();
    }

}
