package dev.cairn.autoconfigure;

import dev.cairn.MigrationRunner;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Migrates on {@link ApplicationReadyEvent}, once every bean exists, while the application refuses traffic.
 * Spring Boot marks the application as accepting traffic only after this listener returns.
 */
public class MigrateOnReady extends MigrationTrigger implements ApplicationListener<ApplicationReadyEvent> {

    public MigrateOnReady(MigrationRunner runner, boolean failOnError) {
        super(runner, failOnError);
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        AvailabilityChangeEvent.publish(event.getApplicationContext(), ReadinessState.REFUSING_TRAFFIC);
        migrate();
    }

}
