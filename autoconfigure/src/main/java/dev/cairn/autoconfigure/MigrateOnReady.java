package dev.cairn.autoconfigure;

import dev.cairn.MigrationException;
import dev.cairn.MigrationRunner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Migrates on {@link ApplicationReadyEvent}, once every bean exists, while the application refuses traffic.
 * Spring Boot marks the application as accepting traffic only after this listener returns.
 */
public class MigrateOnReady implements ApplicationListener<ApplicationReadyEvent> {

    private static final Log logger = LogFactory.getLog(MigrateOnReady.class);

    private final MigrationRunner runner;

    private final boolean failOnError;

    public MigrateOnReady(MigrationRunner runner, boolean failOnError) {
        this.runner = runner;
        this.failOnError = failOnError;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        AvailabilityChangeEvent.publish(event.getApplicationContext(), ReadinessState.REFUSING_TRAFFIC);
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
