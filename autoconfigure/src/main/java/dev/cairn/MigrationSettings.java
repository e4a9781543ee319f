package dev.cairn;

import java.time.Duration;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How a {@link MigrationRunner} works: its history table, target and locking. In a Spring Boot application these
 * come from the {@code cairn.*} properties.
 *
 * @param table the history table's name (cairn.table)
 * @param schema the schema of the history table, {@code null} for the connection's current one (cairn.schema)
 * @param target the highest version to apply, {@code null} for the latest (cairn.target)
 * @param outOfOrder whether a pending migration below the current version is applied instead of refused
 * (cairn.out-of-order)
 * @param lockWaitTimeout how long to wait for another instance's lock (cairn.lock.wait-timeout)
 * @param lockLease how long a lease lock lasts without a heartbeat (cairn.lock.lease)
 */
public record MigrationSettings(String table, @Nullable String schema, @Nullable Long target, boolean outOfOrder,
        Duration lockWaitTimeout, Duration lockLease) {

    /** The default history table name. */
    public static final String DEFAULT_TABLE = "cairn_migrations";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,57}");

    public MigrationSettings {
        requireIdentifier(table, "history table name", "cairn.table");
        if (schema != null) {
            requireIdentifier(schema, "schema name", "cairn.schema");
        }
        if (target != null && target <= 0) {
            throw new MigrationException("Invalid migration target " + target + " (cairn.target)",
                    "Set cairn.target to a positive version, or to 'latest'.");
        }
        requirePositive(lockWaitTimeout, "cairn.lock.wait-timeout");
        requirePositive(lockLease, "cairn.lock.lease");
    }

    /**
     * The defaults: {@code cairn_migrations} in the current schema, every migration, out-of-order refused, a
     * 5 minute lock wait and a 30 second lease.
     * @return the defaults
     */
    public static MigrationSettings defaults() {
        return new MigrationSettings(DEFAULT_TABLE, null, null, false, Duration.ofMinutes(5), Duration.ofSeconds(30));
    }

    public MigrationSettings withTable(String table) {
        return new MigrationSettings(table, this.schema, this.target, this.outOfOrder, this.lockWaitTimeout,
                this.lockLease);
    }

    public MigrationSettings withSchema(@Nullable String schema) {
        return new MigrationSettings(this.table, schema, this.target, this.outOfOrder, this.lockWaitTimeout,
                this.lockLease);
    }

    public MigrationSettings withTarget(@Nullable Long target) {
        return new MigrationSettings(this.table, this.schema, target, this.outOfOrder, this.lockWaitTimeout,
                this.lockLease);
    }

    public MigrationSettings withOutOfOrder(boolean outOfOrder) {
        return new MigrationSettings(this.table, this.schema, this.target, outOfOrder, this.lockWaitTimeout,
                this.lockLease);
    }

    public MigrationSettings withLockWaitTimeout(Duration lockWaitTimeout) {
        return new MigrationSettings(this.table, this.schema, this.target, this.outOfOrder, lockWaitTimeout,
                this.lockLease);
    }

    public MigrationSettings withLockLease(Duration lockLease) {
        return new MigrationSettings(this.table, this.schema, this.target, this.outOfOrder, this.lockWaitTimeout,
                lockLease);
    }

    private static void requireIdentifier(@Nullable String value, String what, String property) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new MigrationException("Invalid " + what + " '" + value + "' (" + property + ")",
                    "Set " + property + " to a plain SQL identifier: letters, digits and underscores, starting with"
                            + " a letter or an underscore, at most 58 characters.");
        }
    }

    private static void requirePositive(@Nullable Duration value, String property) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new MigrationException("Invalid duration " + value + " (" + property + ")",
                    "Set " + property + " to a positive duration such as 30s or 5m.");
        }
    }

}
