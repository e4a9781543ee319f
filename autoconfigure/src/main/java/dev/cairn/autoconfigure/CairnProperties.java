package dev.cairn.autoconfigure;

import java.time.Duration;

import dev.cairn.MigrationException;
import dev.cairn.MigrationSettings;
import dev.cairn.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

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
     * Highest version to apply, or "latest" for every migration.
     */
    private String target = "latest";

    /**
     * When to migrate: "ready" on ApplicationReadyEvent, once every bean exists; "startup" while the context
     * starts, before the beans that depend on database initialization (JPA, JdbcTemplate, jOOQ).
     */
    private RunOn runOn = RunOn.READY;

    /**
     * Whether a pending migration below the current version is applied instead of refused.
     */
    private boolean outOfOrder;

    /**
     * Whether a failed migration stops the application. When false the application starts and health reports
     * DOWN.
     */
    private boolean failOnError = true;

    private final Lock lock = new Lock();

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

    public String getTarget() {
        return this.target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public RunOn getRunOn() {
        return this.runOn;
    }

    public void setRunOn(RunOn runOn) {
        this.runOn = runOn;
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

    public Lock getLock() {
        return this.lock;
    }

    public Datasource getDatasource() {
        return this.datasource;
    }

    /**
     * The runner's settings, validated: a bad value fails startup with a message that names its property.
     * @return the settings
     */
    public MigrationSettings toSettings() {
        return MigrationSettings.defaults()
            .withTable(this.table)
            .withSchema((this.schema != null && !this.schema.isBlank()) ? this.schema : null)
            .withTarget(parseTarget(this.target))
            .withOutOfOrder(this.outOfOrder)
            .withLockWaitTimeout(this.lock.getWaitTimeout())
            .withLockLease(this.lock.getLease());
    }

    private static @Nullable Version parseTarget(@Nullable String target) {
        if (target == null || target.isBlank() || target.trim().equalsIgnoreCase("latest")) {
            return null;
        }
        if (!Version.isVersion(target) || Version.parse(target).compareTo(Version.of(0)) == 0) {
            throw new MigrationException("Invalid migration target '" + target + "' (cairn.target)",
                    "Set cairn.target to a version such as 4 or 1.2, or to 'latest'.");
        }
        return Version.parse(target);
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
