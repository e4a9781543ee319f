package dev.cairn.autoconfigure;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.BackgroundSettings;
import dev.cairn.DriftMode;
import dev.cairn.FutureMigrations;
import dev.cairn.MigrationException;
import dev.cairn.MigrationSettings;
import dev.cairn.Policy;
import dev.cairn.ScriptNames;
import dev.cairn.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Configuration properties for Cairn's migrations.
 */
@ConfigurationProperties("cairn")
public class CairnProperties {

    /**
     * Whether to apply migrations. When false nothing runs, but the endpoint and health still report.
     */
    private boolean enabled = true;

    /**
     * Name of the history table.
     */
    private String table = "cairn_migrations";

    /**
     * Schema (PostgreSQL) or database (MariaDB, MySQL) of the history table, created when missing. Default: the
     * connection's current one.
     */
    private @Nullable String schema;

    /**
     * Highest version to apply, such as 4 or 1.2, or "latest" for every migration.
     */
    private @Nullable Version target;

    /**
     * When to migrate: "ready" on ApplicationReadyEvent, once every bean exists; "startup" while the context
     * starts, before the beans that depend on database initialization (JPA, JdbcTemplate, jOOQ).
     */
    private RunOn runOn = RunOn.READY;

    /**
     * Run one operation and exit instead of starting the application: "migrate", "validate", "info", "repair",
     * "dry-run" or "rollback" (to cairn.target). The application starts without a web server, runs it once every
     * bean exists, prints a report and exits with 0, or 1 when it failed. Runs even when cairn.enabled is false.
     */
    private @Nullable Mode mode;

    /**
     * Whether a pending migration below the current version is applied instead of refused.
     */
    private boolean outOfOrder;

    /**
     * Whether a failed migration stops the application. When false the application starts and health reports
     * DOWN.
     */
    private boolean failOnError = true;

    /**
     * Whether the live schema is compared with the signature recorded after Cairn's last run, which reveals changes
     * made outside migrations: "off" (no signature is recorded, no schema read), "warn" (before each run that
     * applies migrations and on the endpoint, logging each object that differs) or "fail" (also at every start,
     * before anything runs, failing it). A repair records the schema as it is.
     */
    private DriftMode drift = DriftMode.WARN;

    /**
     * Locations of SQL migration scripts, searched recursively: "classpath:" (in folders and jars) or "filesystem:"
     * prefixes; without a prefix, the classpath.
     */
    private List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));

    /**
     * File name prefix of versioned SQL migrations.
     */
    private String sqlMigrationPrefix = "V";

    /**
     * File name prefix of undo SQL migrations, which revert the versioned migration of the same version.
     */
    private String undoSqlMigrationPrefix = "U";

    /**
     * File name prefix of repeatable SQL migrations.
     */
    private String repeatableSqlMigrationPrefix = "R";

    /**
     * What separates a script's version from its description.
     */
    private String sqlMigrationSeparator = "__";

    /**
     * File name endings of SQL migrations.
     */
    private List<String> sqlMigrationSuffixes = new ArrayList<>(List.of(".sql"));

    /**
     * Encoding of SQL migrations.
     */
    private Charset encoding = StandardCharsets.UTF_8;

    /**
     * Values of the ${name} placeholders in SQL migrations.
     */
    private Map<String, String> placeholders = new HashMap<>();

    /**
     * Whether ${name} placeholders in SQL migrations are replaced.
     */
    private boolean placeholderReplacement = true;

    /**
     * What opens a placeholder in SQL migrations, as Flyway's placeholder-prefix.
     */
    private String placeholderPrefix = "${";

    /**
     * What closes a placeholder in SQL migrations, as Flyway's placeholder-suffix.
     */
    private String placeholderSuffix = "}";

    /**
     * Version recorded by a baseline: migrations up to it are taken to be in the adopted schema.
     */
    private Version baselineVersion = Version.of(1);

    /**
     * Description recorded by a baseline.
     */
    private String baselineDescription = "<< Cairn Baseline >>";

    /**
     * Whether migrate baselines a database that has tables but no history table, instead of refusing it.
     */
    private boolean baselineOnMigrate;

    /**
     * What pending migrations may change once the database has applied migrations: "unrestricted", or
     * "append-only" to refuse a migration that drops, renames or redefines what older versions of the application
     * use, or that cannot be classified, unless it declares why it breaks on purpose.
     */
    private Policy policy = Policy.UNRESTRICTED;

    /**
     * What a start does when the database has migrations of a newer version of the application that are not all
     * additive: "fail" to refuse to start, "warn" to log them and start, "ignore" to start silently.
     */
    private FutureMigrations future = FutureMigrations.FAIL;

    /**
     * Whether a database that is newer than the application, or that no migration path leads from (an applied
     * migration was edited, or failed), is dropped and migrated again. For development only: refused for databases
     * other than SQLite and H2 unless reset-on-incompatible-url names them. Takes precedence over future.
     */
    private boolean resetOnIncompatible;

    /**
     * The JDBC URL of a database other than SQLite and H2 that reset-on-incompatible may drop, exactly as its
     * connection reports it.
     */
    private @Nullable String resetOnIncompatibleUrl;

    private final Flyway flyway = new Flyway();

    private final Lock lock = new Lock();

    @NestedConfigurationProperty
    private final BackgroundProperties background = new BackgroundProperties();

    @NestedConfigurationProperty
    private final BackupProperties backup = new BackupProperties();

    private final Datasource datasource = new Datasource();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getTable() {
        return this.table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public @Nullable String getSchema() {
        return this.schema;
    }

    public void setSchema(@Nullable String schema) {
        this.schema = schema;
    }

    public @Nullable Version getTarget() {
        return this.target;
    }

    public void setTarget(@Nullable Version target) {
        this.target = target;
    }

    public RunOn getRunOn() {
        return this.runOn;
    }

    public void setRunOn(RunOn runOn) {
        this.runOn = runOn;
    }

    public @Nullable Mode getMode() {
        return this.mode;
    }

    public void setMode(@Nullable Mode mode) {
        this.mode = mode;
    }

    public boolean isOutOfOrder() {
        return this.outOfOrder;
    }

    public void setOutOfOrder(boolean outOfOrder) {
        this.outOfOrder = outOfOrder;
    }

    public boolean isFailOnError() {
        return this.failOnError;
    }

    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
    }

    public List<String> getLocations() {
        return this.locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public String getSqlMigrationPrefix() {
        return this.sqlMigrationPrefix;
    }

    public void setSqlMigrationPrefix(String sqlMigrationPrefix) {
        this.sqlMigrationPrefix = sqlMigrationPrefix;
    }

    public String getUndoSqlMigrationPrefix() {
        return this.undoSqlMigrationPrefix;
    }

    public void setUndoSqlMigrationPrefix(String undoSqlMigrationPrefix) {
        this.undoSqlMigrationPrefix = undoSqlMigrationPrefix;
    }

    public String getRepeatableSqlMigrationPrefix() {
        return this.repeatableSqlMigrationPrefix;
    }

    public void setRepeatableSqlMigrationPrefix(String repeatableSqlMigrationPrefix) {
        this.repeatableSqlMigrationPrefix = repeatableSqlMigrationPrefix;
    }

    public String getSqlMigrationSeparator() {
        return this.sqlMigrationSeparator;
    }

    public void setSqlMigrationSeparator(String sqlMigrationSeparator) {
        this.sqlMigrationSeparator = sqlMigrationSeparator;
    }

    public List<String> getSqlMigrationSuffixes() {
        return this.sqlMigrationSuffixes;
    }

    public void setSqlMigrationSuffixes(List<String> sqlMigrationSuffixes) {
        this.sqlMigrationSuffixes = sqlMigrationSuffixes;
    }

    public Charset getEncoding() {
        return this.encoding;
    }

    public void setEncoding(Charset encoding) {
        this.encoding = encoding;
    }

    public Map<String, String> getPlaceholders() {
        return this.placeholders;
    }

    public void setPlaceholders(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }

    public boolean isPlaceholderReplacement() {
        return this.placeholderReplacement;
    }

    public void setPlaceholderReplacement(boolean placeholderReplacement) {
        this.placeholderReplacement = placeholderReplacement;
    }

    public String getPlaceholderPrefix() {
        return this.placeholderPrefix;
    }

    public void setPlaceholderPrefix(String placeholderPrefix) {
        this.placeholderPrefix = placeholderPrefix;
    }

    public String getPlaceholderSuffix() {
        return this.placeholderSuffix;
    }

    public void setPlaceholderSuffix(String placeholderSuffix) {
        this.placeholderSuffix = placeholderSuffix;
    }

    public Version getBaselineVersion() {
        return this.baselineVersion;
    }

    public void setBaselineVersion(Version baselineVersion) {
        this.baselineVersion = baselineVersion;
    }

    public String getBaselineDescription() {
        return this.baselineDescription;
    }

    public void setBaselineDescription(String baselineDescription) {
        this.baselineDescription = baselineDescription;
    }

    public boolean isBaselineOnMigrate() {
        return this.baselineOnMigrate;
    }

    public void setBaselineOnMigrate(boolean baselineOnMigrate) {
        this.baselineOnMigrate = baselineOnMigrate;
    }

    public DriftMode getDrift() {
        return this.drift;
    }

    public void setDrift(DriftMode drift) {
        this.drift = drift;
    }

    public Flyway getFlyway() {
        return this.flyway;
    }

    public Lock getLock() {
        return this.lock;
    }

    public Datasource getDatasource() {
        return this.datasource;
    }

    public Policy getPolicy() {
        return this.policy;
    }

    public void setPolicy(Policy policy) {
        this.policy = policy;
    }

    public FutureMigrations getFuture() {
        return this.future;
    }

    public void setFuture(FutureMigrations future) {
        this.future = future;
    }

    public boolean isResetOnIncompatible() {
        return this.resetOnIncompatible;
    }

    public void setResetOnIncompatible(boolean resetOnIncompatible) {
        this.resetOnIncompatible = resetOnIncompatible;
    }

    public @Nullable String getResetOnIncompatibleUrl() {
        return this.resetOnIncompatibleUrl;
    }

    public void setResetOnIncompatibleUrl(@Nullable String resetOnIncompatibleUrl) {
        this.resetOnIncompatibleUrl = resetOnIncompatibleUrl;
    }

    public BackupProperties getBackup() {
        return this.backup;
    }

    public BackgroundProperties getBackground() {
        return this.background;
    }

    /**
     * The settings of background migrations these properties describe.
     * @return the settings
     */
    public BackgroundSettings toBackgroundSettings() {
        return this.background.toSettings((this.schema != null && !this.schema.isBlank()) ? this.schema : null);
    }

    /**
     * The runner's settings, validated: a bad value fails startup with a message that names its property.
     * @return the settings
     */
    public MigrationSettings toSettings() {
        return MigrationSettings.defaults()
            .withTable(this.table)
            .withSchema((this.schema != null && !this.schema.isBlank()) ? this.schema : null)
            .withTarget(target(this.target, this.mode == Mode.ROLLBACK))
            .withOutOfOrder(this.outOfOrder)
            .withLockWaitTimeout(this.lock.getWaitTimeout())
            .withLockLease(this.lock.getLease())
            .withLocations(this.locations)
            .withScriptNames(new ScriptNames(this.sqlMigrationPrefix, this.undoSqlMigrationPrefix,
                    this.repeatableSqlMigrationPrefix, this.sqlMigrationSeparator, this.sqlMigrationSuffixes))
            .withEncoding(this.encoding)
            .withPlaceholders(this.placeholders)
            .withPlaceholderReplacement(this.placeholderReplacement)
            .withPlaceholderDelimiters(this.placeholderPrefix, this.placeholderSuffix)
            .withBaselineVersion(this.baselineVersion)
            .withBaselineDescription(this.baselineDescription)
            .withBaselineOnMigrate(this.baselineOnMigrate)
            .withFlywayImport(this.flyway.isImport())
            .withFlywayTable(this.flyway.getTable())
            .withBackups(this.backup.getMode(), this.backup.getDirectory(), this.backup.getKeep())
            .withDrift(this.drift)
            .withPolicy(this.policy)
            .withFutureMigrations(this.future)
            .withResetOnIncompatible(this.resetOnIncompatible, this.resetOnIncompatibleUrl);
    }

    private static @Nullable Version target(@Nullable Version target, boolean rollback) {
        // Migrating to 0 would apply nothing, but rolling back to 0 reverts everything.
        if (target != null && !rollback && target.compareTo(Version.of(0)) == 0) {
            throw new MigrationException("Invalid migration target '" + target + "' (cairn.target)",
                    "Set cairn.target to a version such as 4 or 1.2, or to 'latest'.");
        }
        return target;
    }

    /**
     * When migrations run.
     */
    public enum RunOn {

        /** On ApplicationReadyEvent, once every bean exists. */
        READY,

        /** While the context starts, before beans that depend on database initialization. */
        STARTUP

    }

    /**
     * What to run instead of starting the application, set with cairn.mode.
     */
    public enum Mode {

        /** Apply the pending migrations up to cairn.target, report what was applied, and exit. */
        MIGRATE,

        /** Check the migrations against the history table without changing anything; pending ones are no error. */
        VALIDATE,

        /** Print every migration with its state, as a table. */
        INFO,

        /** Remove the history rows of FAILED and INTERRUPTED migrations, so that they run again. */
        REPAIR,

        /** Print what migrate would run, in order, without running it. */
        DRY_RUN,

        /** Revert the applied migrations above cairn.target, which must be set to a version. */
        ROLLBACK

    }

    /**
     * Taking over a database migrated by Flyway.
     */
    public static class Flyway {

        /**
         * Whether Flyway's history table is imported into Cairn's when Cairn's is missing.
         */
        @Name("import")
        private boolean importHistory = true;

        /**
         * Name of Flyway's history table, in the schema of Cairn's.
         */
        private String table = "flyway_schema_history";

        public boolean isImport() {
            return this.importHistory;
        }

        public void setImport(boolean importHistory) {
            this.importHistory = importHistory;
        }

        public String getTable() {
            return this.table;
        }

        public void setTable(String table) {
            this.table = table;
        }

    }

    /**
     * How instances take turns.
     */
    public static class Lock {

        /**
         * How long to wait for another instance that is migrating before giving up.
         */
        private Duration waitTimeout = Duration.ofMinutes(5);

        /**
         * How long a lease lock (H2 and other databases without a session lock; SQLite files use a lock file
         * instead) lasts without a heartbeat; a holder that died is taken over after it.
         */
        private Duration lease = Duration.ofSeconds(30);

        public Duration getWaitTimeout() {
            return this.waitTimeout;
        }

        public void setWaitTimeout(Duration waitTimeout) {
            this.waitTimeout = waitTimeout;
        }

        public Duration getLease() {
            return this.lease;
        }

        public void setLease(Duration lease) {
            this.lease = lease;
        }

    }

    /**
     * Separate credentials for migrating, so the application's own pool can use a user without DDL privileges.
     */
    public static class Datasource {

        /**
         * JDBC URL of the database to migrate. Default: the application's DataSource, or its URL when only the
         * username is set.
         */
        private @Nullable String url;

        /**
         * Login user for migrating. Setting it without a URL migrates the application's database as this user.
         */
        private @Nullable String username;

        /**
         * Login password for migrating.
         */
        private @Nullable String password;

        /**
         * Fully qualified name of the JDBC driver. Default: derived from the URL.
         */
        private @Nullable String driverClassName;

        public @Nullable String getDriverClassName() {
            return this.driverClassName;
        }

        public void setDriverClassName(@Nullable String driverClassName) {
            this.driverClassName = driverClassName;
        }

        public @Nullable String getUrl() {
            return this.url;
        }

        public void setUrl(@Nullable String url) {
            this.url = url;
        }

        public @Nullable String getUsername() {
            return this.username;
        }

        public void setUsername(@Nullable String username) {
            this.username = username;
        }

        public @Nullable String getPassword() {
            return this.password;
        }

        public void setPassword(@Nullable String password) {
            this.password = password;
        }

    }

}
