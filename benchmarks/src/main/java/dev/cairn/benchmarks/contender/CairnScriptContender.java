package dev.cairn.benchmarks.contender;

import java.util.List;

import javax.sql.DataSource;

import dev.cairn.MigrationRunner;
import dev.cairn.MigrationSettings;

/**
 * Cairn through its public API with the SQL scripts of the jar on the classpath: a {@link MigrationRunner} built
 * with the default settings and {@code classpath:db/migration} as its location.
 */
final class CairnScriptContender implements Contender {

    @Override
    public void migrate(DataSource dataSource) {
        MigrationRunner.builder(dataSource)
            .settings(MigrationSettings.defaults().withLocations(List.of("classpath:" + Workload.SCRIPT_LOCATION)))
            .build()
            .migrate();
    }

}
