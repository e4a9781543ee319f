package dev.cairn.benchmarks.contender;

import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration {@code version} of the {@link Workload} as a Flyway Java-based migration; the application-start
 * scenario registers several beans of this class.
 */
public final class FlywayMigration implements JavaMigration {

    private final int version;

    public FlywayMigration(int version) {
        this.version = version;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(this.version));
    }

    @Override
    public String getDescription() {
        return Workload.description(this.version);
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : Workload.statements(this.version)) {
                statement.execute(sql);
            }
        }
    }

}
