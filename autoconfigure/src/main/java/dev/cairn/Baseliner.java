package dev.cairn;

import java.time.Instant;

import dev.cairn.core.AppliedMigration;
import dev.cairn.core.Database;
import dev.cairn.core.MigrationExecutor;
import dev.cairn.lock.Holder;
import dev.cairn.lock.MigrationLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Writes the baseline row into an empty history table, between the listeners' baseline events.
 */
final class Baseliner {

    private static final Log logger = LogFactory.getLog(MigrationRunner.class);

    private final MigrationRunner runner;

    private final Database database;

    private final MigrationLock lock;

    Baseliner(MigrationRunner runner, Database database, MigrationLock lock) {
        this.runner = runner;
        this.database = database;
        this.lock = lock;
    }

    void write() {
        MigrationSettings settings = this.runner.getSettings();
        MigrationExecutor executor = this.database.newExecutor(this.lock, this.runner.callbacks());
        Operations.run(executor, "baseline", (context) -> {
            this.runner.callbacks().beforeBaseline(context);
            this.database.history().insert(new AppliedMigration(1, settings.baselineVersion(),
                    settings.baselineDescription(), AppliedMigration.BASELINE, settings.baselineDescription(), null,
                    Instant.now(), this.database.installedBy(), 0L, true, Holder.DESCRIPTION));
            this.runner.callbacks().afterBaseline(context);
        });
        logger.info("Baselined " + this.database.history().name().qualified() + " at version "
                + settings.baselineVersion() + ": migrations up to it are taken as applied");
    }

}
