package dev.cairn;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a migration's {@code up} or {@code down} fails. Names the migration, its bean and the cause.
 */
public class MigrationFailedException extends MigrationException {

    private final long version;

    private final String description;

    private final String beanName;

    private final boolean changesMayRemain;

    public MigrationFailedException(long version, String description, String beanName, String operation,
            boolean changesMayRemain, Throwable cause) {
        super(message(version, description, beanName, operation, changesMayRemain, cause),
                action(version, changesMayRemain), cause);
        this.version = version;
        this.description = description;
        this.beanName = beanName;
        this.changesMayRemain = changesMayRemain;
    }

    private static String message(long version, String description, String beanName, String operation,
            boolean changesMayRemain, Throwable cause) {
        String outcome = changesMayRemain
                ? "It may have left changes behind: the database cannot roll back its DDL, or the migration is not"
                        + " transactional, so it is recorded as FAILED."
                : "Its transaction was rolled back; the migrations before it stay applied.";
        return "Migration " + version + " \"" + description + "\" (bean '" + beanName + "') failed in " + operation
                + ": " + rootMessage(cause) + ". " + outcome;
    }

    private static String action(long version, boolean changesMayRemain) {
        if (changesMayRemain) {
            return "Inspect the database for what migration " + version + " changed before it failed and undo it"
                    + " by hand, then call MigrationRunner.repair() (or POST /actuator/migrations) to remove the"
                    + " FAILED row, fix the migration and start again.";
        }
        return "Fix migration " + version + " and start the application again; it will be retried.";
    }

    static String rootMessage(@Nullable Throwable cause) {
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == null) {
            return "unknown cause";
        }
        return (root.getMessage() != null) ? root.getClass().getSimpleName() + ": " + root.getMessage()
                : root.getClass().getSimpleName();
    }

    public long getVersion() {
        return this.version;
    }

    public String getDescription() {
        return this.description;
    }

    public String getBeanName() {
        return this.beanName;
    }

    public boolean isChangesMayRemain() {
        return this.changesMayRemain;
    }

}
