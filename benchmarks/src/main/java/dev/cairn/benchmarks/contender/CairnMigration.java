package dev.cairn.benchmarks.contender;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;

/**
 * Migration {@code version} of the {@link Workload} as a Cairn user writes one; the application-start scenario
 * registers several beans of this class.
 */
public final class CairnMigration implements Migration {

    private final int version;

    public CairnMigration(int version) {
        this.version = version;
    }

    @Override
    public long version() {
        return this.version;
    }

    @Override
    public String description() {
        return Workload.description(this.version);
    }

    @Override
    public void up(MigrationContext context) {
        for (String sql : Workload.statements(this.version)) {
            context.jdbc().execute(sql);
        }
    }

}
