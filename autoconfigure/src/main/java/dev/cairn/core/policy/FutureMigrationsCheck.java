package dev.cairn.core.policy;

import java.util.List;
import java.util.Objects;

import dev.cairn.FutureMigrations;
import dev.cairn.MigrationException;
import dev.cairn.Version;
import dev.cairn.core.AppliedHistory;
import dev.cairn.core.AppliedMigration;
import dev.cairn.core.HistoryTable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * {@code cairn.future}: what an instance older than the schema does when it starts, as in a rolling deploy. Migrations
 * of a newer version that were all additive leave a schema it works with, so it starts and says which; one that broke
 * older versions, or whose additivity is unknown (recorded before Cairn kept it, or imported from Flyway), stops it,
 * or is logged, or ignored.
 */
public final class FutureMigrationsCheck {

    private static final Log logger = LogFactory.getLog("dev.cairn.MigrationRunner");

    private static final int SHOWN = 10;

    private FutureMigrationsCheck() {
    }

    /**
     * Checks the history for migrations above the application's latest.
     * @param mode what to do with ones that are not all additive
     * @param latestKnown the application's highest migration version, {@code null} when it has none
     * @param history the history, as read for planning
     * @param rows the history table, read again in full (descriptions and breaking reasons) only when a message
     * names its rows
     * @return whether there were any
     * @throws MigrationException with {@link FutureMigrations#FAIL} when one of them is not known to be additive
     */
    public static boolean check(FutureMigrations mode, @Nullable Version latestKnown, AppliedHistory history,
            HistoryTable rows) {
        List<AppliedMigration> future = history.futureRows(latestKnown);
        if (future.isEmpty()) {
            return false;
        }
        boolean additive = future.stream().allMatch((row) -> Boolean.TRUE.equals(row.additive()));
        if (additive) {
            logger.info(ahead(latestKnown, future) + " They were all additive, so this instance starts with the schema"
                    + " they left.");
            return true;
        }
        if (mode == FutureMigrations.IGNORE) {
            return true;
        }
        List<AppliedMigration> named = new AppliedHistory(rows.read()).futureRows(latestKnown);
        String breaking = breaking(named);
        if (mode == FutureMigrations.FAIL) {
            throw new MigrationException(ahead(latestKnown, future) + " Not all of them were additive: " + breaking
                    + "; this instance may not work against the schema they left, so it does not start",
                    "Deploy the newer version of the application to this instance too (the database cannot be"
                            + " migrated back by an application that does not know those migrations), or set"
                            + " cairn.future=warn to start anyway.");
        }
        logger.warn(ahead(latestKnown, future) + " Not all of them were additive: " + breaking + ". Starting with the"
                + " schema as they left it; if this instance fails on it, deploy the newer version to every instance.");
        return true;
    }

    private static String ahead(@Nullable Version latestKnown, List<AppliedMigration> future) {
        StringBuilder versions = new StringBuilder();
        for (int i = 0; i < future.size() && i < SHOWN; i++) {
            versions.append((i > 0) ? ", " : "").append(future.get(i).version());
        }
        if (future.size() > SHOWN) {
            versions.append(" and ").append(future.size() - SHOWN).append(" more");
        }
        return "Schema is at version " + future.get(future.size() - 1).version() + ", ahead of this application,"
                + " whose migrations end at " + ((latestKnown != null) ? "version " + latestKnown : "none") + ": "
                + versions + " " + ((future.size() == 1) ? "was" : "were") + " applied by a newer version of it.";
    }

    private static String breaking(List<AppliedMigration> rows) {
        StringBuilder named = new StringBuilder();
        int shown = 0;
        for (AppliedMigration row : rows) {
            if (Boolean.TRUE.equals(row.additive()) || shown == SHOWN) {
                continue;
            }
            named.append((shown++ > 0) ? ", " : "").append("migration ").append(row.version()).append(" \"")
                .append(Objects.toString(row.description(), "")).append("\" ")
                .append((row.breakingReason() != null) ? "broke older versions on purpose (" + row.breakingReason()
                        + ")" : Boolean.FALSE.equals(row.additive()) ? "was not additive"
                                : "has no record of whether it was additive");
        }
        return named.toString();
    }

}
