package dev.cairn;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import dev.cairn.core.AppliedHistory;
import dev.cairn.core.AppliedMigration;
import dev.cairn.core.Database;
import dev.cairn.core.MigrationPlan;
import dev.cairn.core.SchemaReset;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * {@code cairn.reset-on-incompatible}: seed 003's development reset. When the database is newer than the application
 * or no migration path leads from it (an applied migration was edited, or failed), every table is dropped, loudly,
 * and the migrations build the schema again. Never on by default, refused for databases other than SQLite and H2
 * unless their URL is named, and ahead of {@code cairn.future}.
 */
final class DevelopmentReset {

    private static final Log logger = LogFactory.getLog(MigrationRunner.class);

    private DevelopmentReset() {
    }

    /**
     * Resets the database when it is incompatible with the application.
     * @param runner the runner
     * @param database the database
     * @param plan the application's migrations
     * @return whether it was reset
     */
    static boolean resetIfIncompatible(MigrationRunner runner, Database database, MigrationPlan plan) {
        List<AppliedMigration> rows = database.history().readForPlanningIfExists();
        if (rows == null || incompatibility(runner, plan, rows) == null) {
            return false;
        }
        MigrationSettings settings = runner.getSettings();
        String url = SchemaReset.allowed(database, settings.resetOnIncompatibleUrl());
        return database.locked(settings, (lock) -> {
            // Again under the lock: another instance may have reset it already.
            List<AppliedMigration> locked = database.history().readIfExists();
            String reason = (locked != null) ? incompatibility(runner, plan, locked) : null;
            if (reason == null) {
                return false;
            }
            logger.error("cairn.reset-on-incompatible=true: RESETTING " + url + ", dropping every table and view"
                    + " and migrating again, because " + reason + ". All data in it is lost; this is meant for"
                    + " development databases only.");
            try {
                String table = settings.table().toLowerCase(Locale.ROOT);
                List<String> dropped = SchemaReset.dropAll(database, List.of(table + "_lock"));
                logger.error("cairn.reset-on-incompatible=true: dropped " + dropped.size() + " table(s) and view(s): "
                        + String.join(", ", dropped));
            }
            catch (SQLException ex) {
                throw new MigrationException("cairn.reset-on-incompatible could not drop the schema: " + ex.getMessage(),
                        "Drop the database by hand, or set cairn.reset-on-incompatible=false.");
            }
            return true;
        });
    }

    /**
     * Why the database is incompatible with the application, or {@code null} when it is not.
     */
    private static @Nullable String incompatibility(MigrationRunner runner, MigrationPlan plan,
            List<AppliedMigration> rows) {
        AppliedHistory history = new AppliedHistory(rows);
        List<AppliedMigration> future = history.futureRows(plan.latestVersion());
        if (!future.isEmpty()) {
            return "it has migrations of a newer version of the application, up to version "
                    + future.get(future.size() - 1).version();
        }
        try {
            runner.pending(plan, history);
            return null;
        }
        catch (MigrationException ex) {
            return "no migration path leads from it: " + ex.getMessage();
        }
    }

}
