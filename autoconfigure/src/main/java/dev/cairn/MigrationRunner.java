package dev.cairn;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.cairn.backup.Backups;
import dev.cairn.core.AppliedHistory;
import dev.cairn.core.AppliedMigration;
import dev.cairn.core.Database;
import dev.cairn.core.HistorySetup;
import dev.cairn.core.Callbacks;
import dev.cairn.core.MigrationExecutor;
import dev.cairn.core.MigrationGate;
import dev.cairn.core.MigrationPlan;
import dev.cairn.core.SignatureTable;
import dev.cairn.core.policy.AppendOnlyPolicy;
import dev.cairn.core.policy.FutureMigrationsCheck;
import dev.cairn.core.source.BeanMigrationResolver;
import dev.cairn.core.source.DeclaredSchemaResolver;
import dev.cairn.core.source.ExecutableMigration;
import dev.cairn.core.source.MigrationResolver;
import dev.cairn.core.source.SqlMigrationResolver;
import dev.cairn.schema.DeclaredSchema;
import dev.cairn.core.sql.Placeholders;
import dev.cairn.core.sql.ScriptNaming;
import dev.cairn.core.sql.ScriptScanner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ResourceLoader;

/**
 * Applies, reports and reverts an application's migrations against one database, one instance at a time.
 *
 * <p>In a Spring Boot application one runner is auto-configured with every {@link Migration} bean and the SQL
 * scripts in {@code cairn.locations}, and calls {@link #migrate()} when the application is ready. It can also be used
 * on its own: {@code new MigrationRunner(dataSource, List.of(new CreateUsers(), new CreateTodos())).migrate()}, or
 * {@link #builder(DataSource)} for SQL scripts, callbacks and listeners.
 */
public class MigrationRunner {

    private static final Log logger = LogFactory.getLog(MigrationRunner.class);

    private final DataSource dataSource;

    private final MigrationResolver beans;

    private final List<MigrationCallback> javaCallbacks;

    private final Listeners listeners;

    private final @Nullable ResourceLoader resourceLoader;

    private final String dataSourceDescription;

    private final MigrationGate gate;

    private final @Nullable DeclaredSchema declaredSchema;

    private volatile @Nullable Sources sources;

    private final MigrationSettings settings;

    private volatile @Nullable Database database;

    private volatile @Nullable SchemaDrift drift;

    private final AtomicInteger running = new AtomicInteger();

    private volatile @Nullable MigrationFailedException lastFailure;

    private volatile @Nullable MigrateResult lastResult;

    private volatile @Nullable MigrationStatus cachedStatus;

    /**
     * A runner for the given migrations with the default settings.
     * @param dataSource the database to migrate
     * @param migrations the migrations
     */
    public MigrationRunner(DataSource dataSource, Collection<? extends Migration> migrations) {
        this(dataSource, migrations, MigrationSettings.defaults());
    }

    /**
     * A runner for the given migrations, named after their classes in errors.
     * @param dataSource the database to migrate
     * @param migrations the migrations
     * @param settings the settings
     */
    public MigrationRunner(DataSource dataSource, Collection<? extends Migration> migrations,
            MigrationSettings settings) {
        this(builder(dataSource).migrations(migrations).settings(settings));
    }

    /**
     * A runner for migrations looked up on every operation, such as the beans of an application context.
     * @param dataSource the database to migrate
     * @param migrations the migrations by bean name, asked for each time the runner works
     * @param settings the settings
     */
    public MigrationRunner(DataSource dataSource, Supplier<? extends Map<String, ? extends Migration>> migrations,
            MigrationSettings settings) {
        this(builder(dataSource).migrations(migrations).settings(settings));
    }

    private MigrationRunner(Builder builder) {
        this.dataSource = builder.dataSource;
        this.settings = builder.settings;
        this.beans = new BeanMigrationResolver(builder.migrations);
        this.javaCallbacks = builder.callbacks;
        this.listeners = new Listeners(builder.listeners);
        this.resourceLoader = builder.resourceLoader;
        this.dataSourceDescription = builder.dataSourceDescription;
        this.gate = builder.gate;
        this.declaredSchema = builder.declaredSchema;
    }

    /**
     * Starts building a runner.
     * @param dataSource the database to migrate
     * @return the builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Applies the pending migrations up to the target, each in its own transaction, while holding the migration
     * lock. When nothing is pending (and no callback waits for the run) it returns without taking the lock.
     * @return what was applied
     * @throws MigrationException when the migrations are invalid, the lock cannot be taken, or a migration fails
     * ({@link MigrationFailedException})
     */
    public MigrateResult migrate() {
        long start = System.nanoTime();
        if (!this.listeners.isEmpty()) {
            this.listeners.tell(MigrationListener::runStarted);
        }
        this.running.incrementAndGet();
        Database database = null;
        Callbacks callbacks = null;
        try {
            database = database();
            boolean baselineSignature = (this.settings.drift() == DriftMode.FAIL) && failOnDrift(database);
            Sources sources = sources(true);
            if (sources.declared() != null && this.settings.drift() != DriftMode.OFF) {
                sources.declared().trust(new SignatureTable(database).readDeclared());
            }
            MigrationPlan plan = MigrationPlan.resolve(sources.resolvers());
            if (this.settings.resetOnIncompatible() && DevelopmentReset.resetIfIncompatible(this, database, plan)) {
                this.cachedStatus = null;
            }
            callbacks = callbacks();
            MigrateResult result = null;
            if (callbacks.isEmpty()) {
                List<AppliedMigration> rows = database.history().readForPlanningIfExists();
                AppliedHistory history = (rows != null) ? new AppliedHistory(rows) : null;
                if (history != null && history.unfinished() == null) {
                    List<ExecutableMigration> pending = pending(plan, history);
                    if (pending.isEmpty()) {
                        result = upToDate(plan, history, start);
                    }
                    else {
                        // Refused before the lock is even asked for; the run checks again with what it reads.
                        AppendOnlyPolicy.check(this.settings.policy(), history, pending);
                    }
                }
            }
            if (result == null) {
                Database locked = database;
                this.cachedStatus = null;
                result = database.locked(this.settings,
                        (lock) -> new MigrateRun(this, locked, lock, plan, start).run());
                this.cachedStatus = null;
            }
            if (baselineSignature) {
                Version current = result.currentVersion();
                database.locked(this.settings, (lock) -> {
                    drift().recordIfMissing(current);
                    return null;
                });
            }
            this.lastResult = result;
            if (!this.listeners.isEmpty()) {
                MigrateResult finished = result;
                this.listeners.tell((listener) -> listener.runFinished(finished));
            }
            return result;
        }
        catch (MigrationException ex) {
            if (ex instanceof MigrationFailedException failure) {
                // Reported by whoever called migrate(): Spring Boot's failure analysis, or the log when
                // cairn.fail-on-error is false.
                this.lastFailure = failure;
            }
            if (callbacks != null && !callbacks.isEmpty()) {
                callbacks.afterMigrateError(database, ex);
            }
            if (!this.listeners.isEmpty()) {
                this.listeners.tell((listener) -> listener.runFailed(ex));
            }
            throw ex;
        }
        finally {
            Sources sources = this.sources;
            if (sources != null && sources.scripts() != null) {
                sources.scripts().releaseContent();
            }
            this.running.decrementAndGet();
        }
    }

    /**
     * Compares the schema with its signature before anything runs ({@code cairn.drift=fail}); a difference is
     * checked again under the lock before it fails the start, as a migration another instance is applying is none.
     * @return whether no signature is recorded yet, so that this migrate records one
     */
    private boolean failOnDrift(Database database) {
        SchemaDrift drift = drift();
        SignatureTable.Recorded recorded = drift.recorded();
        if (recorded == null) {
            return true;
        }
        if (!drift.differences(recorded).isEmpty()) {
            List<String> differences = database.locked(this.settings, (lock) -> drift.differences());
            if (!differences.isEmpty()) {
                throw new SchemaDriftException(drift.tableName(), differences);
            }
        }
        return false;
    }

    /**
     * The schema signature recorded after the last run, and how the live schema differs from it: read when asked,
     * never cached. {@code null} when {@code cairn.drift=off}, or when no run has recorded one yet.
     * @return the signature
     */
    public @Nullable SchemaSignature schemaSignature() {
        if (this.settings.drift() == DriftMode.OFF) {
            return null;
        }
        SchemaDrift drift = drift();
        SignatureTable.Recorded recorded = drift.recorded();
        return (recorded != null) ? new SchemaSignature(recorded.hash(), recorded.recordedOn(), recorded.version(),
                drift.differences(recorded)) : null;
    }

    SchemaDrift drift() {
        SchemaDrift drift = this.drift;
        if (drift == null) {
            drift = new SchemaDrift(database(), this.gate.tables(), this::checkedDeclaration);
            this.drift = drift;
        }
        return drift;
    }

    /**
     * The digest of the declared schema and schema migrations the last resolve checked, which a recorded signature
     * keeps so that the next start with the same ones need not fold them again.
     */
    private @Nullable Long checkedDeclaration() {
        Sources sources = this.sources;
        return (sources != null && sources.declared() != null) ? sources.declared().checked() : null;
    }

    MigrateResult upToDate(MigrationPlan plan, AppliedHistory history, long start) {
        Version current = history.current();
        if (!checkFuture(plan, history)) {
            logger.info((current != null) ? "Schema is up to date at version " + current
                    : "Schema is up to date: there are no migrations");
        }
        return new MigrateResult(current, current, List.of(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * What an instance older than the schema does when it starts, as in a rolling deploy (cairn.future).
     * @return whether the history has migrations of a newer version of the application
     */
    boolean checkFuture(MigrationPlan plan, AppliedHistory history) {
        return FutureMigrationsCheck.check(this.settings.futureMigrations(), plan.latestVersion(), history,
                database().history());
    }

    List<ExecutableMigration> pending(MigrationPlan plan, AppliedHistory history) {
        return history.pending(plan, this.settings.target(), this.settings.outOfOrder(), this.settings.table());
    }

    MigrationGate gate() {
        return this.gate;
    }

    void clearLastFailure() {
        this.lastFailure = null;
    }

    Callbacks callbacks() {
        return sources().callbacks();
    }

    Listeners listeners() {
        return this.listeners;
    }

    /**
     * Every known migration, from the application and from the history table, with its state.
     * @return the status
     */
    public MigrationStatus status() {
        List<AppliedMigration> rows = database().history().readIfExists();
        MigrationPlan plan = plan();
        MigrationStatus status = MigrationStatuses.of(plan, new AppliedHistory((rows != null) ? rows : List.of()),
                this.lastFailure);
        this.cachedStatus = status;
        return status;
    }

    /**
     * The status as this runner last saw it: read once, then kept until this runner migrates, rolls back or repairs,
     * so that a health probe costs no query between runs. What other instances change meanwhile shows after this
     * runner's next operation or {@link #status()}.
     * @return the status
     */
    public MigrationStatus lastStatus() {
        MigrationStatus status = this.cachedStatus;
        return (status != null) ? status : status();
    }

    /**
     * Checks everything {@link #migrate()} checks before it changes anything, and changes nothing: no lock is taken
     * and nothing is written, so it is safe against a production database or a copy of one. It checks the set of
     * migrations (unique versions, descriptions), the history table's layout (or, when it is missing, the Flyway
     * history that would be imported, or the schema that would need a baseline), migrations recorded as FAILED or
     * INTERRUPTED, the checksums of applied migrations and pending migrations below the current version; and it
     * splits the pending SQL scripts into statements, which {@code migrate()} does only as it reaches each one.
     * Pending migrations are not an error: they are reported in the result.
     * @return the status and what {@code migrate()} would apply
     * @throws MigrationException naming the migration and what to do when something is invalid
     */
    public ValidateResult validate() {
        long start = System.nanoTime();
        Validation validation = Validation.of(this, database(), plan());
        MigrationStatus status = validation.status(this.lastFailure);
        List<MigrationInfo> pending = validation.pending();
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        logger.info("Validated " + status.migrations().size() + " migrations against " + this.settings.table()
                + " in " + duration.toMillis() + " ms: " + (pending.isEmpty() ? "nothing" : pending.size())
                + " pending");
        return new ValidateResult(status, pending, duration);
    }

    /**
     * Works out what {@link #migrate()} would do now without doing it: validates as {@link #validate()} does, then
     * returns the pending migrations up to the target in the order they would apply, each SQL script with its
     * statements (placeholders replaced) and the lines they start on, each Java migration with its name and origin.
     * Changes nothing and takes no lock.
     * @return the pending migrations
     * @throws MigrationException naming the migration and what to do when something is invalid
     */
    public DryRunResult dryRun() {
        return Validation.of(this, database(), plan()).dryRun();
    }

    /**
     * Reverts the applied migrations above the version, newest first, each in its own transaction with its history
     * row removed. Checks first that each of them can be reverted; if one cannot, nothing changes.
     * @param version the version to return to; {@code 0} reverts everything
     * @return what was reverted
     * @throws IrreversibleMigrationException when a migration above the version cannot be reverted
     * @throws MigrationException when a migration above the version is unknown to the application or failed
     */
    public RollbackResult rollbackTo(long version) {
        return rollbackTo(Version.of(version));
    }

    /**
     * Reverts the applied migrations above the version, as {@link #rollbackTo(long)} does.
     * @param version the version to return to, such as {@code 1.2}
     * @return what was reverted
     */
    public RollbackResult rollbackTo(Version version) {
        long start = System.nanoTime();
        Database database = database();
        MigrationPlan plan = plan();
        this.running.incrementAndGet();
        try {
            return database.locked(this.settings, (lock) -> {
                List<AppliedMigration> rows = database.history().readIfExists();
                if (rows == null) {
                    return new RollbackResult(null, null, List.of(), Duration.ofNanos(System.nanoTime() - start));
                }
                AppliedHistory history = new AppliedHistory(rows);
                Map<ExecutableMigration, AppliedMigration> toRevert = Rollback.revertible(plan, history, version);
                MigrationExecutor executor = database.newExecutor(lock, callbacks());
                List<MigrationInfo> reverted = new ArrayList<>(toRevert.size());
                toRevert.forEach((migration, row) -> {
                    lock.checkHeld();
                    long begin = System.nanoTime();
                    executor.revert(migration, row);
                    logger.info("Reverted " + migration.displayName() + " in " + (System.nanoTime() - begin) / 1_000_000
                            + " ms");
                    reverted.add(MigrationStatuses.pending(migration));
                });
                this.cachedStatus = null;
                Version current = Rollback.currentAfter(history, version);
                if (!reverted.isEmpty()) {
                    database.keepUserVersion(current);
                    if (drift().enabled()) {
                        drift().record(current);
                    }
                }
                logger.info("Rolled back " + reverted.size() + " migrations to version " + current);
                return new RollbackResult(history.current(), current, List.copyOf(reverted),
                        Duration.ofNanos(System.nanoTime() - start));
            });
        }
        finally {
            this.running.decrementAndGet();
        }
    }

    /**
     * Removes the history rows of FAILED and INTERRUPTED migrations, after the user has undone what they left
     * behind, so that they run again on the next {@link #migrate()}; and records the schema signature again, so that
     * the schema as it is now is accepted: how a deliberate change made outside migrations stops being reported as
     * drift ({@code cairn.drift}).
     * @return the migrations whose rows were removed
     */
    public List<MigrationInfo> repair() {
        Database database = database();
        return database.locked(this.settings, (lock) -> {
            List<MigrationInfo> failed = new ArrayList<>(status().inState(MigrationState.FAILED));
            failed.addAll(status().inState(MigrationState.INTERRUPTED));
            this.lastFailure = null;
            if (drift().enabled()) {
                drift().record(status().currentVersion());
            }
            if (failed.isEmpty()) {
                return failed;
            }
            Callbacks callbacks = callbacks();
            MigrationExecutor executor = database.newExecutor(lock, callbacks);
            Operations.run(executor, "repair", (context) -> {
                callbacks.beforeRepair(context);
                database.history().deleteFailed();
                callbacks.afterRepair(context);
            });
            this.cachedStatus = null;
            failed.forEach((migration) -> logger.info("Repaired migration " + migration.version() + " \""
                    + migration.description() + "\": it will run again on the next migrate"));
            return failed;
        });
    }

    /**
     * The backups taken before migrations that destroy data ({@code cairn.backup.mode}), newest first.
     * @return the backups kept
     */
    public List<BackupInfo> backups() {
        return Backups.of(database(), this.settings).list();
    }

    /**
     * Restores a backup while holding the migration lock: the SQLite database file, or the tables it holds, as they
     * were before the migration it was taken for. The history is not changed, but on SQLite, where the history is
     * part of the file: roll back or repair as the restored schema needs.
     * @param id the backup's id, as {@link #backups()} lists it
     * @return the backup restored
     * @throws MigrationException when there is no such backup, or it cannot be restored
     */
    public BackupInfo restore(String id) {
        Database database = database();
        return database.locked(this.settings, (lock) -> {
            Backups backups = Backups.of(database, this.settings);
            BackupInfo backup = backups.list()
                .stream()
                .filter((candidate) -> candidate.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new MigrationException("No backup " + id + " is kept",
                        "Choose one of the backups that MigrationRunner.backups() or /actuator/migrations lists."));
            backups.restore(backup);
            this.cachedStatus = null;
            return backup;
        });
    }

    /**
     * Records a baseline in a database that has a schema but no history table, so that the migrations up to
     * {@code cairn.baseline-version} are taken as applied.
     * @return the baseline's version
     * @throws MigrationException when the database already has a history
     */
    public Version baseline() {
        Database database = database();
        return database.locked(this.settings, (lock) -> {
            List<AppliedMigration> rows = database.history().readIfExists();
            if (rows != null && !rows.isEmpty()) {
                AppliedHistory history = new AppliedHistory(rows);
                if (this.settings.baselineVersion().equals(history.baseline()) && rows.size() == 1) {
                    return history.baseline();
                }
                throw new MigrationException("Cannot baseline " + database.history().name().qualified()
                        + ": it already records migrations up to version " + history.current(),
                        "Baseline only a database without a history; this one is already managed by Cairn.");
            }
            if (rows == null) {
                new HistorySetup(database, this.settings, this.gate.tables()).createForBaseline();
            }
            new Baseliner(this, database, lock).write();
            database.keepUserVersion(this.settings.baselineVersion());
            if (drift().enabled()) {
                drift().record(this.settings.baselineVersion());
            }
            this.cachedStatus = null;
            return this.settings.baselineVersion();
        });
    }

    /**
     * Whether a migrate or rollback is under way.
     * @return {@code true} while migrating
     */
    public boolean isRunning() {
        return this.running.get() > 0;
    }

    /**
     * What the last successful {@link #migrate()} of this runner did.
     * @return the result, or {@code null} before this runner has migrated
     */
    public @Nullable MigrateResult getLastResult() {
        return this.lastResult;
    }

    /**
     * The failure of the last {@link #migrate()}, until a later one succeeds or {@link #repair()} is called.
     * @return the failure, or {@code null}
     */
    public @Nullable MigrationFailedException getLastFailure() {
        return this.lastFailure;
    }

    public MigrationSettings getSettings() {
        return this.settings;
    }

    private MigrationPlan plan() {
        return MigrationPlan.resolve(sources(false).resolvers());
    }

    private Sources sources() {
        return sources(false);
    }

    /**
     * The SQL scripts and callbacks, read once: they are part of the deployed application.
     * @param keepContent whether scripts read now keep their content until they run or the migrate ends, which
     * saves reading them twice when the first thing the runner does is a migrate
     */
    private Sources sources(boolean keepContent) {
        Sources sources = this.sources;
        if (sources == null) {
            List<MigrationCallback> callbacks = new ArrayList<>(this.javaCallbacks);
            List<MigrationResolver> resolvers = new ArrayList<>(List.of(this.beans));
            SqlMigrationResolver scripts = null;
            if (mayHaveScripts()) {
                Database database = database();
                scripts = new SqlMigrationResolver(scanner().scan(this.settings.locations()),
                        this.settings.encoding(), placeholders(database), database.dialect().sqlSyntax(), keepContent);
                resolvers.add(scripts);
                callbacks.addAll(scripts.callbacks());
            }
            DeclaredSchemaResolver declared = null;
            if (this.declaredSchema != null) {
                declared = new DeclaredSchemaResolver(resolvers, this.declaredSchema);
                resolvers = new ArrayList<>(List.of(declared));
            }
            sources = new Sources(List.copyOf(resolvers), new Callbacks(callbacks), scripts, declared);
            this.sources = sources;
        }
        return sources;
    }

    private ScriptScanner scanner() {
        ScriptNaming naming = new ScriptNaming(this.settings.scriptNames());
        return (this.resourceLoader != null) ? new ScriptScanner(this.resourceLoader, naming)
                : new ScriptScanner(classLoader(), naming);
    }

    private ClassLoader classLoader() {
        ClassLoader classLoader = (this.resourceLoader != null) ? this.resourceLoader.getClassLoader() : null;
        if (classLoader == null) {
            classLoader = Thread.currentThread().getContextClassLoader();
        }
        return (classLoader != null) ? classLoader : MigrationRunner.class.getClassLoader();
    }

    /**
     * Whether any location may hold scripts: a filesystem location (whose absence the scan reports), or a classpath
     * location the class loader has. An application of Java migrations alone then loads none of the script machinery.
     */
    private boolean mayHaveScripts() {
        for (String location : this.settings.locations()) {
            String path = location.strip();
            if (path.regionMatches(true, 0, "classpath:", 0, 10)) {
                path = path.substring(10);
            }
            else if (path.contains(":")) {
                return true;
            }
            while (path.startsWith("/")) {
                path = path.substring(1);
            }
            if (classLoader().getResource(path) != null) {
                return true;
            }
        }
        return false;
    }

    private Placeholders placeholders(Database database) {
        return Placeholders.of(this.settings.placeholders())
            .withReplacement(this.settings.placeholderReplacement())
            .withSyntax(this.settings.placeholderPrefix(), this.settings.placeholderSuffix())
            .withBuiltIn("defaultSchema", database.defaultSchema())
            .withBuiltIn("user", database.user())
            .withBuiltIn("database", database.catalog())
            .withBuiltIn("table", this.settings.table())
            .withTimestamp(LocalDateTime.now());
    }

    Database database() {
        Database database = this.database;
        if (database == null) {
            try {
                database = Database.connect(this.dataSource, this.settings);
            }
            catch (SQLException | RuntimeException ex) {
                if (ex instanceof MigrationException migration) {
                    throw migration;
                }
                throw new MigrationException("Could not connect to the database to migrate, using "
                        + this.dataSourceDescription + ": " + MigrationFailedException.rootMessage(ex),
                        "Check that the database runs and accepts connections at that URL, and that the user and"
                                + " password are right; for an SQLite file, that its directory exists and can be"
                                + " written. Cairn migrates with the application's DataSource (spring.datasource.*)"
                                + " unless cairn.datasource.* or a @CairnDataSource bean names another.", ex);
            }
            this.database = database;
        }
        return database;
    }

    private record Sources(List<MigrationResolver> resolvers, Callbacks callbacks,
            @Nullable SqlMigrationResolver scripts, @Nullable DeclaredSchemaResolver declared) {
    }

    /**
     * Migrations given once, as a class rather than a lambda: a start links no call site it need not.
     */
    private record Fixed(Map<String, Migration> migrations) implements Supplier<Map<String, Migration>> {

        @Override
        public Map<String, Migration> get() {
            return this.migrations;
        }

    }

    /**
     * Builds a {@link MigrationRunner}: its migrations, settings and listeners.
     */
    public static final class Builder {

        private final DataSource dataSource;

        private Supplier<? extends Map<String, ? extends Migration>> migrations = new Fixed(Map.of());

        private MigrationSettings settings = MigrationSettings.defaults();

        private List<MigrationCallback> callbacks = List.of();

        private List<MigrationListener> listeners = List.of();

        private @Nullable ResourceLoader resourceLoader;

        private String dataSourceDescription = "the DataSource given to the runner";

        private MigrationGate gate = MigrationGate.NONE;

        private @Nullable DeclaredSchema declaredSchema;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The Java migrations, named after their classes in messages.
         * @param migrations the migrations
         * @return this builder
         */
        public Builder migrations(Collection<? extends Migration> migrations) {
            Map<String, Migration> named = new LinkedHashMap<>();
            for (Migration migration : migrations) {
                String base = migration.getClass().getName() + "#" + migration.version();
                String name = base;
                for (int i = 2; named.containsKey(name); i++) {
                    name = base + " (" + i + ")";
                }
                named.put(name, migration);
            }
            this.migrations = new Fixed(named);
            return this;
        }

        /**
         * The Java migrations, looked up on every operation, such as the beans of an application context.
         * @param migrations the migrations by bean name
         * @return this builder
         */
        public Builder migrations(Supplier<? extends Map<String, ? extends Migration>> migrations) {
            this.migrations = migrations;
            return this;
        }

        public Builder settings(MigrationSettings settings) {
            this.settings = settings;
            return this;
        }

        /**
         * Observers of each run and migration: metrics, traces, events.
         * @param listeners the listeners, told in order
         * @return this builder
         */
        public Builder listeners(List<? extends MigrationListener> listeners) {
            this.listeners = List.copyOf(listeners);
            return this;
        }

        /**
         * Code that runs on the database at Flyway's callback events.
         * @param callbacks the callbacks, called in order
         * @return this builder
         */
        public Builder callbacks(List<? extends MigrationCallback> callbacks) {
            this.callbacks = List.copyOf(callbacks);
            return this;
        }

        /**
         * Where SQL scripts in {@code classpath:} locations are found: the application context, or a class loader.
         * @param resourceLoader the resource loader
         * @return this builder
         */
        public Builder resourceLoader(ResourceLoader resourceLoader) {
            this.resourceLoader = resourceLoader;
            return this;
        }

        /**
         * Says where the DataSource's connections come from, such as the properties that configured it, for the
         * message of a connection that fails.
         * @param description the description
         * @return this builder
         */
        public Builder dataSourceDescription(String description) {
            this.dataSourceDescription = description;
            return this;
        }

        /**
         * The background migrations that migrations may {@linkplain Migration#requiredBackgroundMigrations()
         * require}: such a migration, and every one after it, waits until they have finished.
         * @param backgroundMigrations the runner of the background migrations
         * @return this builder
         */
        public Builder backgroundMigrations(BackgroundMigrationRunner backgroundMigrations) {
            this.gate = backgroundMigrations;
            return this;
        }

        /**
         * The application's declared schema: the schema migrations are checked against it before anything runs, and
         * when its version is above the last migration's, what it adds is applied as that version.
         * @param declaredSchema the declared schema
         * @return this builder
         */
        public Builder declaredSchema(DeclaredSchema declaredSchema) {
            this.declaredSchema = declaredSchema;
            return this;
        }

        public MigrationRunner build() {
            return new MigrationRunner(this);
        }

    }

}
