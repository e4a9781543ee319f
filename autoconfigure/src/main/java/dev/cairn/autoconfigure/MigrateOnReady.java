package dev.cairn.autoconfigure;

import dev.cairn.MigrationRunner;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Migrates on {@link ApplicationReadyEvent}, once every bean exists, while the application refuses traffic.
 * Spring Boot marks the application as accepting traffic only after this listener returns.
 */
public class MigrateOnReady extends MigrationTrigger implements ApplicationListener<ApplicationReadyEvent>, Ordered {

    /** Before the listeners without an order, such as the one that starts background migrations. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    public MigrateOnReady(MigrationRunner runner, boolean failOnError) {
        super(runner, failOnError);
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        AvailabilityChangeEvent.publish(event.getApplicationContext(), ReadinessState.REFUSING_TRAFFIC);
        migrate();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

}
