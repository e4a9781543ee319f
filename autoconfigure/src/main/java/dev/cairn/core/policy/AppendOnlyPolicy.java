package dev.cairn.core.policy;

import java.util.List;

import dev.cairn.MigrationException;
import dev.cairn.Policy;
import dev.cairn.core.AppliedHistory;
import dev.cairn.core.change.Change;
import dev.cairn.core.source.ExecutableMigration;
import dev.cairn.core.source.JavaMigration;

/**
 * {@code cairn.policy=append-only}: once a database has applied migrations, a pending one may only add (seed 004,
 * Evolu's append-only rule). It needs no database but the history already read, so it refuses before anything runs.
 * Repeatable migrations are checked as versioned ones are: a repeatable script that drops a column breaks older
 * instances as much.
 */
public final class AppendOnlyPolicy {

    private static final int SHOWN = 5;

    private AppendOnlyPolicy() {
    }

    /**
     * Refuses the first pending migration that is not additive and does not declare why it breaks on purpose.
     * @param policy the policy
     * @param history the history, as read before the run
     * @param pending the migrations about to run
     * @throws MigrationException naming the migration, its breaking changes and what to do instead
     */
    public static void check(Policy policy, AppliedHistory history, List<ExecutableMigration> pending) {
        if (policy != Policy.APPEND_ONLY || pending.isEmpty() || !history.released()) {
            return;
        }
        for (ExecutableMigration migration : pending) {
            if (migration.breakingReason() != null) {
                continue;
            }
            List<Change> refused = migration.changes().stream().filter((change) -> !change.additive()).toList();
            if (!refused.isEmpty()) {
                throw refusal(migration, refused);
            }
        }
    }

    private static MigrationException refusal(ExecutableMigration migration, List<Change> refused) {
        StringBuilder message = new StringBuilder("cairn.policy=append-only refuses ").append(migration.displayName())
            .append(": ");
        for (int i = 0; i < refused.size() && i < SHOWN; i++) {
            message.append((i > 0) ? "; " : "").append(refused.get(i).what());
        }
        if (refused.size() > SHOWN) {
            message.append("; and ").append(refused.size() - SHOWN).append(" more");
        }
        message.append(". Older versions of the application may still run against this schema; nothing was run");
        String declare = (migration instanceof JavaMigration) ? "return the reason from breaking()"
                : "write -- cairn:breaking <reason> at the top of the script";
        String advice = refused.get(0).advice();
        return new MigrationException(message.toString(), ((advice != null) ? advice + " " : "") + "If the break is"
                + " deliberate and no older instance runs any more, " + declare + ", or set cairn.policy=unrestricted.");
    }

}
