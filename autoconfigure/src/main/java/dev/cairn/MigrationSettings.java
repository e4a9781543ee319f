package dev.cairn;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How a {@link MigrationRunner} works: its history table, target, locking, SQL scripts and baseline. Immutable:
 * start from {@link #defaults()} and change what differs with the {@code with...} methods. In a Spring Boot
 * application these come from the {@code cairn.*} properties.
 */
public final class MigrationSettings {

    /** The default history table name. */
    public static final String DEFAULT_TABLE = "cairn_migrations";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,57}");

    private static final MigrationSettings DEFAULTS = new MigrationSettings();

    private String table = DEFAULT_TABLE;

    private @Nullable String schema;

    private @Nullable Version target;

    private boolean outOfOrder;

    private Duration lockWaitTimeout = Duration.ofMinutes(5);

    private Duration lockLease = Duration.ofSeconds(30);

    private List<String> locations = List.of("classpath:db/migration");

    private ScriptNames scriptNames = ScriptNames.FLYWAY;

    private Charset encoding = StandardCharsets.UTF_8;

    private Map<String, String> placeholders = Map.of();

    private boolean placeholderReplacement = true;

    private String placeholderPrefix = "${";

    private String placeholderSuffix = "}";

    private Version baselineVersion = Version.of(1);

    private String baselineDescription = "<< Cairn Baseline >>";

    private boolean baselineOnMigrate;

    private boolean flywayImport = true;

    private String flywayTable = "flyway_schema_history";

    private BackupMode backupMode = BackupMode.DESTRUCTIVE;

    private @Nullable Path backupDirectory;

    private int backupKeep = 5;

    private DriftMode drift = DriftMode.WARN;
    private Policy policy = Policy.UNRESTRICTED;

    private FutureMigrations futureMigrations = FutureMigrations.FAIL;

    private boolean resetOnIncompatible;

    private @Nullable String resetOnIncompatibleUrl;

    private MigrationSettings() {
    }

    private MigrationSettings copy() {
        MigrationSettings copy = new MigrationSettings();
        copy.table = this.table;
        copy.schema = this.schema;
        copy.target = this.target;
        copy.outOfOrder = this.outOfOrder;
        copy.lockWaitTimeout = this.lockWaitTimeout;
        copy.lockLease = this.lockLease;
        copy.locations = this.locations;
        copy.scriptNames = this.scriptNames;
        copy.encoding = this.encoding;
        copy.placeholders = this.placeholders;
        copy.placeholderReplacement = this.placeholderReplacement;
        copy.placeholderPrefix = this.placeholderPrefix;
        copy.placeholderSuffix = this.placeholderSuffix;
        copy.baselineVersion = this.baselineVersion;
        copy.baselineDescription = this.baselineDescription;
        copy.baselineOnMigrate = this.baselineOnMigrate;
        copy.flywayImport = this.flywayImport;
        copy.flywayTable = this.flywayTable;
        copy.backupMode = this.backupMode;
        copy.backupDirectory = this.backupDirectory;
        copy.backupKeep = this.backupKeep;
        copy.drift = this.drift;
        copy.policy = this.policy;
        copy.futureMigrations = this.futureMigrations;
        copy.resetOnIncompatible = this.resetOnIncompatible;
        copy.resetOnIncompatibleUrl = this.resetOnIncompatibleUrl;
        return copy;
    }

    /**
     * The defaults: {@code cairn_migrations} in the current schema, every migration, out-of-order refused, a 5
     * minute lock wait and a 30 second lease, SQL scripts in {@code classpath:db/migration} named as Flyway names
     * them, baseline version 1 without baseline-on-migrate, Flyway's history imported when found, and schema drift
     * warned of.
     * @return the defaults
     */
    public static MigrationSettings defaults() {
        return DEFAULTS;
    }

    /** @return the history table's name (cairn.table) */
    public String table() {
        return this.table;
    }

    /** @return the schema of the history table, {@code null} for the connection's current one (cairn.schema) */
    public @Nullable String schema() {
        return this.schema;
    }

    /** @return the highest version to apply, {@code null} for the latest (cairn.target) */
    public @Nullable Version target() {
        return this.target;
    }

    /** @return whether a pending migration below the current version is applied (cairn.out-of-order) */
    public boolean outOfOrder() {
        return this.outOfOrder;
    }

    /** @return how long to wait for another instance's lock (cairn.lock.wait-timeout) */
    public Duration lockWaitTimeout() {
        return this.lockWaitTimeout;
    }

    /** @return how long a lease lock lasts without being renewed (cairn.lock.lease) */
    public Duration lockLease() {
        return this.lockLease;
    }

    /** @return where SQL scripts are found (cairn.locations) */
    public List<String> locations() {
        return this.locations;
    }

    /** @return how SQL scripts are named (cairn.sql-migration-prefix and the like) */
    public ScriptNames scriptNames() {
        return this.scriptNames;
    }

    /** @return the encoding of SQL scripts (cairn.encoding) */
    public Charset encoding() {
        return this.encoding;
    }

    /** @return the values of {@code ${name}} placeholders in SQL scripts (cairn.placeholders.*) */
    public Map<String, String> placeholders() {
        return this.placeholders;
    }

    /** @return whether placeholders in SQL scripts are replaced (cairn.placeholder-replacement) */
    public boolean placeholderReplacement() {
        return this.placeholderReplacement;
    }

    /** @return what opens a placeholder in SQL scripts, <code>${</code> by default (cairn.placeholder-prefix) */
    public String placeholderPrefix() {
        return this.placeholderPrefix;
    }

    /** @return what closes a placeholder in SQL scripts, <code>}</code> by default (cairn.placeholder-suffix) */
    public String placeholderSuffix() {
        return this.placeholderSuffix;
    }

    /** @return the version a baseline records (cairn.baseline-version) */
    public Version baselineVersion() {
        return this.baselineVersion;
    }

    /** @return the description a baseline records (cairn.baseline-description) */
    public String baselineDescription() {
        return this.baselineDescription;
    }

    /** @return whether a non-empty database without history is baselined by migrate (cairn.baseline-on-migrate) */
    public boolean baselineOnMigrate() {
        return this.baselineOnMigrate;
    }

    /** @return whether Flyway's history is imported when Cairn's is missing (cairn.flyway.import) */
    public boolean flywayImport() {
        return this.flywayImport;
    }

    /** @return the name of Flyway's history table (cairn.flyway.table) */
    public String flywayTable() {
        return this.flywayTable;
    }

    /** @return when backups are taken before a migration (cairn.backup.mode) */
    public BackupMode backupMode() {
        return this.backupMode;
    }

    /**
     * @return where SQLite database files are backed up, {@code null} for a {@code backups} directory beside the
     * database file (cairn.backup.directory)
     */
    public @Nullable Path backupDirectory() {
        return this.backupDirectory;
    }

    /** @return how many backups are kept; older ones are removed (cairn.backup.keep) */
    public int backupKeep() {
        return this.backupKeep;
    }

    /** @return whether the live schema is compared with its recorded signature (cairn.drift) */
    public DriftMode drift() {
        return this.drift;
    }

    /** @return what pending migrations may change once migrations were applied (cairn.policy) */
    public Policy policy() {
        return this.policy;
    }

    /** @return what a start does against migrations of a newer version of the application (cairn.future) */
    public FutureMigrations futureMigrations() {
        return this.futureMigrations;
    }

    public MigrationSettings withPolicy(Policy policy) {
        MigrationSettings copy = copy();
        copy.policy = policy;
        return copy;
    }

    /**
     * @return whether a database that is newer than the application, or that no migration path leads from, is
     * dropped and migrated again (cairn.reset-on-incompatible), for development only
     */
    public boolean resetOnIncompatible() {
        return this.resetOnIncompatible;
    }

    /** @return the URL of a database other than SQLite and H2 that the reset may drop (cairn.reset-on-incompatible-url) */
    public @Nullable String resetOnIncompatibleUrl() {
        return this.resetOnIncompatibleUrl;
    }

    /**
     * Settings that reset an incompatible database, as {@link #resetOnIncompatible()} says.
     * @param reset whether to reset
     * @param url the URL of a database other than SQLite and H2 that may be reset, or {@code null}
     * @return the settings
     */
    public MigrationSettings withResetOnIncompatible(boolean reset, @Nullable String url) {
        MigrationSettings copy = copy();
        copy.resetOnIncompatible = reset;
        copy.resetOnIncompatibleUrl = url;
        return copy;
    }

    public MigrationSettings withFutureMigrations(FutureMigrations futureMigrations) {
        MigrationSettings copy = copy();
        copy.futureMigrations = futureMigrations;
        return copy;
    }

    /**
     * Backups before migrations that destroy data.
     * @param mode when to back up
     * @param directory where SQLite files are backed up, {@code null} for {@code backups} beside the database file
     * @param keep how many to keep, at least 1
     * @return the settings
     */
    public MigrationSettings withBackups(BackupMode mode, @Nullable Path directory, int keep) {
        if (keep < 1) {
            throw new MigrationException("Invalid number of backups to keep: " + keep + " (cairn.backup.keep)",
                    "Set cairn.backup.keep to 1 or more, or cairn.backup.mode=off for no backups.");
        }
        MigrationSettings copy = copy();
        copy.backupMode = mode;
        copy.backupDirectory = directory;
        copy.backupKeep = keep;
        return copy;
    }

    /**
     * Whether and when the live schema is compared with the signature recorded after the last run.
     * @param drift the mode
     * @return the settings
     */
    public MigrationSettings withDrift(DriftMode drift) {
        MigrationSettings copy = copy();
        copy.drift = drift;
        return copy;
    }

    public MigrationSettings withTable(String table) {
        requireIdentifier(table, "history table name", "cairn.table");
        MigrationSettings copy = copy();
        copy.table = table;
        return copy;
    }

    public MigrationSettings withSchema(@Nullable String schema) {
        if (schema != null) {
            requireIdentifier(schema, "schema name", "cairn.schema");
        }
        MigrationSettings copy = copy();
        copy.schema = schema;
        return copy;
    }

    public MigrationSettings withTarget(@Nullable Version target) {
        MigrationSettings copy = copy();
        copy.target = target;
        return copy;
    }

    public MigrationSettings withTarget(long target) {
        if (target <= 0) {
            throw new MigrationException("Invalid migration target " + target + " (cairn.target)",
                    "Set cairn.target to a positive version, or to 'latest'.");
        }
        return withTarget(Version.of(target));
    }

    public MigrationSettings withOutOfOrder(boolean outOfOrder) {
        MigrationSettings copy = copy();
        copy.outOfOrder = outOfOrder;
        return copy;
    }

    public MigrationSettings withLockWaitTimeout(Duration lockWaitTimeout) {
        requirePositive(lockWaitTimeout, "cairn.lock.wait-timeout");
        MigrationSettings copy = copy();
        copy.lockWaitTimeout = lockWaitTimeout;
        return copy;
    }

    public MigrationSettings withLockLease(Duration lockLease) {
        requirePositive(lockLease, "cairn.lock.lease");
        MigrationSettings copy = copy();
        copy.lockLease = lockLease;
        return copy;
    }

    public MigrationSettings withLocations(List<String> locations) {
        MigrationSettings copy = copy();
        copy.locations = List.copyOf(locations);
        return copy;
    }

    public MigrationSettings withScriptNames(ScriptNames scriptNames) {
        MigrationSettings copy = copy();
        copy.scriptNames = scriptNames;
        return copy;
    }

    public MigrationSettings withEncoding(Charset encoding) {
        MigrationSettings copy = copy();
        copy.encoding = encoding;
        return copy;
    }

    public MigrationSettings withPlaceholders(Map<String, String> placeholders) {
        MigrationSettings copy = copy();
        copy.placeholders = Map.copyOf(placeholders);
        return copy;
    }

    public MigrationSettings withPlaceholderReplacement(boolean placeholderReplacement) {
        MigrationSettings copy = copy();
        copy.placeholderReplacement = placeholderReplacement;
        return copy;
    }

    /**
     * What opens and closes a placeholder in SQL scripts, as Flyway's {@code placeholderPrefix} and
     * {@code placeholderSuffix}.
     * @param prefix such as <code>#[</code> (cairn.placeholder-prefix)
     * @param suffix such as <code>]</code> (cairn.placeholder-suffix)
     * @return settings with them
     */
    public MigrationSettings withPlaceholderDelimiters(String prefix, String suffix) {
        requireNotBlank(prefix, "cairn.placeholder-prefix", "${");
        requireNotBlank(suffix, "cairn.placeholder-suffix", "}");
        MigrationSettings copy = copy();
        copy.placeholderPrefix = prefix;
        copy.placeholderSuffix = suffix;
        return copy;
    }

    public MigrationSettings withBaselineVersion(Version baselineVersion) {
        MigrationSettings copy = copy();
        copy.baselineVersion = baselineVersion;
        return copy;
    }

    public MigrationSettings withBaselineDescription(String baselineDescription) {
        if (baselineDescription.isBlank() || baselineDescription.length() > 200) {
            throw new MigrationException("Invalid baseline description '" + baselineDescription
                    + "' (cairn.baseline-description)", "Set cairn.baseline-description to at most 200 characters.");
        }
        MigrationSettings copy = copy();
        copy.baselineDescription = baselineDescription;
        return copy;
    }

    public MigrationSettings withBaselineOnMigrate(boolean baselineOnMigrate) {
        MigrationSettings copy = copy();
        copy.baselineOnMigrate = baselineOnMigrate;
        return copy;
    }

    public MigrationSettings withFlywayImport(boolean flywayImport) {
        MigrationSettings copy = copy();
        copy.flywayImport = flywayImport;
        return copy;
    }

    public MigrationSettings withFlywayTable(String flywayTable) {
        requireIdentifier(flywayTable, "Flyway history table name", "cairn.flyway.table");
        MigrationSettings copy = copy();
        copy.flywayTable = flywayTable;
        return copy;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return this == other || (other instanceof MigrationSettings that && state().equals(that.state()));
    }

    @Override
    public int hashCode() {
        return state().hashCode();
    }

    @Override
    public String toString() {
        return "MigrationSettings" + state();
    }

    private List<Object> state() {
        return java.util.Arrays.asList(this.table, this.schema, this.target, this.outOfOrder, this.lockWaitTimeout,
                this.lockLease, this.locations, this.scriptNames, this.encoding, this.placeholders,
                this.placeholderReplacement, this.placeholderPrefix, this.placeholderSuffix, this.baselineVersion,
                this.baselineDescription, this.baselineOnMigrate, this.flywayImport, this.flywayTable,
                this.backupMode, this.backupDirectory, this.backupKeep, this.drift,
                this.policy, this.futureMigrations, this.resetOnIncompatible, this.resetOnIncompatibleUrl);
    }

    private static void requireNotBlank(@Nullable String value, String property, String example) {
        if (value == null || value.isBlank()) {
            throw new MigrationException("Invalid placeholder delimiter '" + value + "' (" + property + ")",
                    "Set " + property + " to the characters that mark placeholders in your scripts, such as "
                            + example + ", or leave it unset.");
        }
    }

    static void requireIdentifier(@Nullable String value, String what, String property) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new MigrationException("Invalid " + what + " '" + value + "' (" + property + ")",
                    "Set " + property + " to a plain SQL identifier: letters, digits and underscores, starting with"
                            + " a letter or an underscore, at most 58 characters.");
        }
    }

    /**
     * A duration as a user writes it in application.yml: {@code -5s}, {@code 500ms}, {@code 5m}.
     */
    private static String text(@Nullable Duration value) {
        if (value == null) {
            return "null";
        }
        long millis = value.toMillis();
        if (millis != 0 && millis % 60_000 == 0) {
            return (millis / 60_000) + "m";
        }
        return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
    }

    static void requirePositive(@Nullable Duration value, String property) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new MigrationException("Invalid duration " + text(value) + " (" + property + ")",
                    "Set " + property + " to a positive duration such as 30s or 5m.");
        }
    }

}
