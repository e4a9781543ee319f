package dev.cairn.autoconfigure;

import dev.cairn.MigrationRunner;

import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates while the context starts. Spring Boot initializes it before every bean that depends on database
 * initialization (JPA, JdbcTemplate, jOOQ), through {@link MigrateOnStartupDetector}.
 */
public class MigrateOnStartup extends MigrationTrigger implements InitializingBean {

    public MigrateOnStartup(MigrationRunner runner, boolean failOnError) {
        super(runner, failOnError);
    }

    @Override
    public void afterPropertiesSet() {
        migrate();
    }

}
