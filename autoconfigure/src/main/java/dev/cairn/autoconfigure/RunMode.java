package dev.cairn.autoconfigure;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

import dev.cairn.MigrateResult;
import dev.cairn.MigrationException;
import dev.cairn.MigrationRunner;
import dev.cairn.Version;
import dev.cairn.autoconfigure.CairnProperties.Mode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.Ordered;

/**
 * Runs the operation named by {@code cairn.mode} once the context has started, so that every bean exists and Java
 * migrations have their dependencies; prints its report to standard output; and exits the process with 0, or 1 when
 * it failed, through {@link SpringApplication#exit} so that the context closes cleanly first. It runs before the
 * application's own runners, which therefore never run in a run mode.
 */
class RunMode implements ApplicationRunner, ApplicationContextAware, Ordered {

    private static final Log logger = LogFactory.getLog(RunMode.class);

    private final @Nullable Mode mode;

    private final ObjectProvider<MigrationRunner> runner;

    private final ObjectProvider<MigrateOnStartup> migratedWhileStarting;

    private final PrintStream out;

    private final IntConsumer exit;

    private final AtomicBoolean ran = new AtomicBoolean();

    private @Nullable ApplicationContext context;

    RunMode(@Nullable Mode mode, ObjectProvider<MigrationRunner> runner,
            ObjectProvider<MigrateOnStartup> migratedWhileStarting, PrintStream out, IntConsumer exit) {
        this.mode = mode;
        this.runner = runner;
        this.migratedWhileStarting = migratedWhileStarting;
        this.out = out;
        this.exit = exit;
    }

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (this.mode == null || !this.ran.compareAndSet(false, true)) {
            return;
        }
        int code = runMode(this.mode);
        ApplicationContext context = this.context;
        this.exit.accept((context != null) ? SpringApplication.exit(context, () -> code) : code);
    }

    /**
     * Runs the mode and prints its report.
     * @param mode the mode
     * @return the exit code
     */
    int runMode(Mode mode) {
        String report;
        int code;
        try {
            MigrationRunner runner = this.runner.getIfUnique();
            if (runner == null) {
                throw new MigrationException("cairn.mode=" + RunModeReport.name(mode) + " has no MigrationRunner to"
                        + " run: Cairn is configured only for an application with one DataSource (or a primary one)",
                        "Give the application one DataSource, mark one @Primary, or declare a MigrationRunner bean.");
            }
            report = run(mode, runner);
            code = 0;
        }
        catch (MigrationException ex) {
            report = RunModeReport.failure(mode, ex.getMessage(), ex.getAction());
            code = 1;
        }
        catch (RuntimeException ex) {
            logger.error("cairn.mode=" + RunModeReport.name(mode) + " failed", ex);
            report = RunModeReport.failure(mode, RunModeReport.describe(ex),
                    "See the stack trace above; check that the database can be reached with the configured URL and"
                            + " credentials.");
            code = 1;
        }
        this.out.print(report);
        this.out.flush();
        return code;
    }

    private String run(Mode mode, MigrationRunner runner) {
        String table = runner.getSettings().table();
        return switch (mode) {
            case MIGRATE -> RunModeReport.migrated(migrate(runner));
            case VALIDATE -> RunModeReport.validated(runner.validate(), table);
            case INFO -> RunModeReport.info(runner.status(), table);
            case REPAIR -> RunModeReport.repaired(runner.repair(), table);
            case DRY_RUN -> RunModeReport.dryRun(runner.dryRun());
            case ROLLBACK -> RunModeReport.rolledBack(runner.rollbackTo(rollbackTarget(runner)));
        };
    }

    private MigrateResult migrate(MigrationRunner runner) {
        MigrateOnStartup startup = this.migratedWhileStarting.getIfUnique();
        MigrateResult result = (startup != null) ? startup.getResult() : null;
        return (result != null) ? result : runner.migrate();
    }

    private static Version rollbackTarget(MigrationRunner runner) {
        Version target = runner.getSettings().target();
        if (target == null) {
            throw new MigrationException("cairn.mode=rollback needs cairn.target, the version to roll back to; it is"
                    + " 'latest', which is no version to return to. Nothing was changed",
                    "Run again with the version the schema should return to, such as --cairn.target=3"
                            + " (--cairn.target=0 reverts every migration).");
        }
        return target;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

}
