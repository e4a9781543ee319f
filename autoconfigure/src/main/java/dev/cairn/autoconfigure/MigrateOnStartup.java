package dev.cairn.autoconfigure;

import dev.cairn.MigrationException;
import dev.cairn.MigrationRunner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates while the context starts. Spring Boot initializes it before every bean that depends on database
 * initialization (JPA, JdbcTemplate, jOOQ), through {@link MigrateOnStartupDetector}.
 */
public class MigrateOnStartup implements InitializingBean {

    private static final Log logger = LogFactory.getLog(MigrateOnStartup.class);

    private final MigrationRunner runner;

    private final boolean failOnError;

    public MigrateOnStartup(MigrationRunner runner, boolean failOnError) {
        this.runner = runner;
        this.failOnError = failOnError;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            this.runner.migrate();
        }
        catch (MigrationException ex) {
            if (this.failOnError) {
                throw ex;
            }
            logger.error("Migrations failed and cairn.fail-on-error is false, so the application starts anyway: "
                    + ex.getMessage(), ex);
        }
    }

}
