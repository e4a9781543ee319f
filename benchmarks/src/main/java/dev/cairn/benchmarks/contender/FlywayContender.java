package dev.cairn.benchmarks.contender;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Flyway with its defaults, given the migrations as {@link JavaMigration} instances.
 */
final class FlywayContender implements Contender {

    private final JavaMigration[] migrations;

    FlywayContender(Workload workload) {
        this.migrations = new JavaMigration[workload.size()];
        for (int version = 1; version <= workload.size(); version++) {
            this.migrations[version - 1] = new FlywayMigration(version);
        }
    }

    @Override
    public void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).javaMigrations(this.migrations).load().migrate();
    }

}
