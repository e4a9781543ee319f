package dev.cairn.autoconfigure;

import dev.cairn.MigrationException;
import dev.cairn.MigrationRunner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What both lifecycle choices do when their moment comes: migrate, and on failure either stop the application or,
 * with {@code cairn.fail-on-error=false}, log and go on.
 */
abstract class MigrationTrigger {

    private static final Log logger = LogFactory.getLog(MigrationTrigger.class);

    private final MigrationRunner runner;

    private final boolean failOnError;

    MigrationTrigger(MigrationRunner runner, boolean failOnError) {
        this.runner = runner;
        this.failOnError = failOnError;
    }

    protected final void migrate() {
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
