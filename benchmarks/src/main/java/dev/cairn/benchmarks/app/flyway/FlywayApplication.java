package dev.cairn.benchmarks.app.flyway;

import dev.cairn.benchmarks.app.AppStart;
import dev.cairn.benchmarks.contender.FlywayMigration;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with Flyway's Spring Boot integration, which migrates while the context starts and
 * picks up the {@link JavaMigration} beans, or, when there are none, the SQL scripts in
 * {@code classpath:db/migration}.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class FlywayApplication {

    public static void main(String[] args) throws Exception {
        AppStart.run(FlywayApplication.class, JavaMigration.class, FlywayMigration::new, args);
    }

}
