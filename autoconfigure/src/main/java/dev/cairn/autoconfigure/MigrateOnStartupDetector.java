package dev.cairn.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link MigrateOnStartup}, so that beans which depend on database
 * initialization are created after the migrations ran, the way Spring Boot orders Flyway.
 */
public class MigrateOnStartupDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(MigrateOnStartup.class);
    }

    /**
     * Before script-based initialization ({@code spring.sql.init}), as Flyway's and Liquibase's detectors order
     * themselves, so that {@code data.sql} runs against the migrated schema.
     * @return the order
     */
    @Override
    public int getOrder() {
        return 1;
    }

}
