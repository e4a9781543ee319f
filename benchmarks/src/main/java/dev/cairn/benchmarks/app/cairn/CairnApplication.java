package dev.cairn.benchmarks.app.cairn;

import dev.cairn.Migration;
import dev.cairn.benchmarks.app.AppStart;
import dev.cairn.benchmarks.contender.CairnMigration;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with Cairn's auto-configuration and one {@link Migration} bean per migration, or none
 * when the migrations are the SQL scripts in {@code classpath:db/migration}; Cairn migrates on
 * {@code ApplicationReadyEvent}, its default.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class CairnApplication {

    public static void main(String[] args) throws Exception {
        AppStart.run(CairnApplication.class, Migration.class, CairnMigration::new, args);
    }

}
