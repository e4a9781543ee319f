package dev.cairn.autoconfigure;

import dev.cairn.MigrateResult;
import dev.cairn.MigrationException;
import dev.cairn.MigrationRunner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

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

    /**
     * Migrates.
     * @return what was applied, or {@code null} when it failed and {@code cairn.fail-on-error} is false
     */
    protected final @Nullable MigrateResult migrate() {
        try {
            return this.runner.migrate();
        }
        catch (MigrationException ex) {
            if (this.failOnError) {
                throw ex;
            }
            logger.error("Migrations failed and cairn.fail-on-error is false, so the application starts anyway: "
                    + ex.getMessage(), ex);
            return null;
        }
    }

}
