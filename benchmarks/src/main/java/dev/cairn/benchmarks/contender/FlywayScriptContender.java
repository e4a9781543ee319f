package dev.cairn.benchmarks.contender;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Flyway with its defaults, reading the SQL scripts of the jar on the classpath from {@code classpath:db/migration}.
 */
final class FlywayScriptContender implements Contender {

    @Override
    public void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:" + Workload.SCRIPT_LOCATION).load().migrate();
    }

}
