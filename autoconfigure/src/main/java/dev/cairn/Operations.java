package dev.cairn;

import dev.cairn.core.MigrationExecutor;

/**
 * Runs a listener's run-level event on the migrating connection in a transaction of its own, turning its failure
 * into a {@link MigrationException} that names the event.
 */
final class Operations {

    private Operations() {
    }

    static void run(MigrationExecutor executor, String event, Event work) {
        try {
            executor.runInTransaction((context) -> {
                work.run(context);
                return null;
            });
        }
        catch (MigrationException ex) {
            throw ex;
        }
        catch (Exception ex) {
            throw new MigrationException("A migration listener failed in " + event + ": "
                    + MigrationFailedException.rootMessage(ex),
                    "Fix the listener or the " + event + " callback script; its transaction was rolled back.", ex);
        }
    }

    @FunctionalInterface
    interface Event {

        void run(MigrationContext context) throws Exception;

    }

}
