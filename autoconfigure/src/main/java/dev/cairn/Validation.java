package dev.cairn;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.core.AppliedHistory;
import dev.cairn.core.Database;
import dev.cairn.core.HistorySetup;
import dev.cairn.core.MigrationPlan;
import dev.cairn.core.policy.AppendOnlyPolicy;
import dev.cairn.core.source.ExecutableMigration;
import dev.cairn.core.sql.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * The checks {@link MigrationRunner#migrate()} makes before it changes anything, made without the lock and without
 * writing: the set of migrations, the history table's layout (or what would be imported or baselined into a missing
 * one), unfinished migrations, checksums and order. It also splits the pending scripts, which {@code migrate()} does
 * only as it reaches each of them.
 */
final class Validation {

    private final MigrationPlan plan;

    private final AppliedHistory history;

    private final List<ExecutableMigration> pending;

    private final List<@Nullable List<SqlStatement>> statements;

    private Validation(MigrationPlan plan, AppliedHistory history, List<ExecutableMigration> pending,
            List<@Nullable List<SqlStatement>> statements) {
        this.plan = plan;
        this.history = history;
        this.pending = pending;
        this.statements = statements;
    }

    /**
     * Checks the migrations against the database.
     * @param runner the runner
     * @param database its database
     * @param plan the application's migrations, already validated as a set
     * @return what was found
     * @throws MigrationException naming the migration and what to do, as {@code migrate()} would
     */
    static Validation of(MigrationRunner runner, Database database, MigrationPlan plan) {
        AppliedHistory history = new AppliedHistory(new HistorySetup(database, runner.getSettings(), runner.gate().tables()).preview());
        List<ExecutableMigration> pending = runner.pending(plan, history);
        runner.checkFuture(plan, history);
        AppendOnlyPolicy.check(runner.getSettings().policy(), history, pending);
        List<@Nullable List<SqlStatement>> statements = new ArrayList<>(pending.size());
        for (ExecutableMigration migration : pending) {
            statements.add(migration.plannedStatements());
        }
        return new Validation(plan, history, pending, statements);
    }

    MigrationStatus status(@Nullable MigrationFailedException lastFailure) {
        return MigrationStatuses.of(this.plan, this.history, lastFailure);
    }

    List<MigrationInfo> pending() {
        return this.pending.stream().map(MigrationStatuses::pending).toList();
    }

    DryRunResult dryRun() {
        List<DryRunResult.PendingMigration> migrations = new ArrayList<>(this.pending.size());
        Version resulting = this.history.current();
        for (int i = 0; i < this.pending.size(); i++) {
            ExecutableMigration migration = this.pending.get(i);
            List<SqlStatement> planned = this.statements.get(i);
            List<DryRunResult.Statement> statements = (planned != null) ? planned.stream()
                .map((statement) -> new DryRunResult.Statement(statement.line(), statement.sql()))
                .toList() : null;
            migrations.add(new DryRunResult.PendingMigration(migration.version(), migration.description(),
                    migration.type(), migration.origin(), migration.transactional(), statements));
            if (migration.version() != null && (resulting == null || migration.version().compareTo(resulting) > 0)) {
                resulting = migration.version();
            }
        }
        return new DryRunResult(this.history.current(), resulting, List.copyOf(migrations));
    }

}
