package dev.cairn.benchmarks.contender;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.cairn.MigrationRunner;

/**
 * Cairn through its public API, as a user without Spring Boot would call it: a {@link MigrationRunner} with the
 * default settings.
 */
final class CairnContender implements Contender {

    private final List<CairnMigration> migrations;

    CairnContender(Workload workload) {
        this.migrations = new ArrayList<>(workload.size());
        for (int version = 1; version <= workload.size(); version++) {
            this.migrations.add(new CairnMigration(version));
        }
    }

    @Override
    public void migrate(DataSource dataSource) {
        new MigrationRunner(dataSource, this.migrations).migrate();
    }

}
