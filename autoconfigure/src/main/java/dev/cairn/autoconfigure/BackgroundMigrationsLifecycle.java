package dev.cairn.autoconfigure;

import java.time.Duration;

import dev.cairn.BackgroundMigrationRunner;
import dev.cairn.MigrationRunner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;

/**
 * Starts the background migrations once the application is ready and its migrations have run (after
 * {@link MigrateOnReady}, which is ordered before it), and stops them when the application shuts down, after the
 * batch in flight has committed and before the data source closes.
 */
public class BackgroundMigrationsLifecycle implements ApplicationListener<ApplicationReadyEvent>, SmartLifecycle,
        Ordered {

    private static final Log logger = LogFactory.getLog(BackgroundMigrationsLifecycle.class);

    /** How long a shutdown waits for the batch in flight. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final BackgroundMigrationRunner background;

    private final MigrationRunner runner;

    public BackgroundMigrationsLifecycle(BackgroundMigrationRunner background, MigrationRunner runner) {
        this.background = background;
        this.runner = runner;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (this.runner.getLastResult() == null) {
            logger.warn("Background migrations are not started: the migrations did not complete at start-up");
            return;
        }
        this.background.start();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public void start() {
        // Started on ApplicationReadyEvent, never while the context refreshes.
    }

    @Override
    public void stop() {
        if (!this.background.stop(STOP_TIMEOUT)) {
            logger.warn("Background migrations did not stop within " + STOP_TIMEOUT.toSeconds() + " s; the batch in"
                    + " flight is rolled back when the application exits, and resumed by the next worker");
        }
    }

    @Override
    public boolean isRunning() {
        return this.background.isRunning();
    }

}
