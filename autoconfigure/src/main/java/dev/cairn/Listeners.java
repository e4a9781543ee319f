package dev.cairn;

import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The runner's {@link MigrationListener}s, told in order; what one throws is logged and does not change the run.
 */
final class Listeners {

    private static final Log logger = LogFactory.getLog(MigrationRunner.class);

    private final List<MigrationListener> listeners;

    Listeners(List<MigrationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    boolean isEmpty() {
        return this.listeners.isEmpty();
    }

    void tell(Consumer<MigrationListener> event) {
        for (MigrationListener listener : this.listeners) {
            try {
                event.accept(listener);
            }
            catch (RuntimeException ex) {
                logger.warn("Migration listener " + listener + " failed; the run goes on: " + ex, ex);
            }
        }
    }

}
