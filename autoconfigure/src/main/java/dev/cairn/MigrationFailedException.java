package dev.cairn;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a migration's {@code up} or {@code down} fails. Names the migration, where it comes from, the statement
 * that failed when it is known, and the database's message.
 */
public class MigrationFailedException extends MigrationException {

    private static final int MAX_STATEMENT = 300;

    private final ResolvedMigration migration;

    private final boolean changesMayRemain;

    private final @Nullable String statement;

    private final int line;

    /**
     * A failure of a migration.
     * @param migration the migration
     * @param operation {@code up()} or {@code down()}
     * @param changesMayRemain whether it may have left changes behind
     * @param statement the statement that failed, when known
     * @param line the statement's line in its script, or {@code 0}
     * @param cause the cause
     */
    public MigrationFailedException(ResolvedMigration migration, String operation, boolean changesMayRemain,
            @Nullable String statement, int line, Throwable cause) {
        this(migration, operation, changesMayRemain, statement, line, cause, null);
    }

    /**
     * A failure of a migration with what Cairn did with the backup taken before it.
     * @param migration the migration
     * @param operation {@code up()} or {@code down()}
     * @param changesMayRemain whether it may have left changes behind
     * @param statement the statement that failed, when known
     * @param line the statement's line in its script, or {@code 0}
     * @param cause the cause
     * @param restored what became of the backup taken before it, for the message: where nothing may remain, in place
     * of the sentence that says so; or {@code null}
     */
    public MigrationFailedException(ResolvedMigration migration, String operation, boolean changesMayRemain,
            @Nullable String statement, int line, Throwable cause, @Nullable String restored) {
        super(message(migration, operation, changesMayRemain, statement, line, cause, restored),
                action(migration, changesMayRemain), cause);
        this.migration = migration;
        this.changesMayRemain = changesMayRemain;
        this.statement = statement;
        this.line = line;
    }

    private static String message(ResolvedMigration migration, String operation, boolean changesMayRemain,
            @Nullable String statement, int line, Throwable cause, @Nullable String restored) {
        StringBuilder message = new StringBuilder();
        message.append(capitalized(migration.displayName())).append(" failed in ").append(operation);
        if (line > 0) {
            message.append(" at line ").append(line);
        }
        message.append(": ").append(rootMessage(cause)).append('\n');
        if (statement != null) {
            message.append("  Statement: ").append(shortened(statement)).append('\n');
        }
        if (restored != null && !changesMayRemain) {
            message.append(restored);
        }
        else {
            message.append(changesMayRemain
                    ? "It may have left changes behind: the database cannot roll back its DDL, or the migration is"
                            + " not transactional, so it is recorded as FAILED."
                    : "Its transaction was rolled back; the migrations before it stay applied.");
            if (restored != null) {
                message.append(' ').append(restored);
            }
        }
        return message.toString();
    }

    private static String action(ResolvedMigration migration, boolean changesMayRemain) {
        String name = name(migration);
        if (changesMayRemain) {
            return "Inspect the database for what " + name + " changed before it failed and undo it by hand, then"
                    + " run the application with --cairn.mode=repair (or call MigrationRunner.repair(), or POST"
                    + " /actuator/migrations) to remove the FAILED row, fix the migration and start again.";
        }
        return "Fix " + name + " (" + migration.origin() + ") and start the application again; it will be retried.";
    }

    private static String name(ResolvedMigration migration) {
        return (migration.version() != null) ? "migration " + migration.version()
                : "repeatable migration \"" + migration.description() + "\"";
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * A statement on one line, cut to a length that fits a log line.
     * @param statement the statement
     * @return the shortened statement
     */
    static String shortened(String statement) {
        String oneLine = statement.strip().replaceAll("\\s+", " ");
        return (oneLine.length() > MAX_STATEMENT) ? oneLine.substring(0, MAX_STATEMENT - 3) + "..." : oneLine;
    }

    static String rootMessage(@Nullable Throwable cause) {
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == null) {
            return "unknown cause";
        }
        return (root.getMessage() != null) ? root.getClass().getSimpleName() + ": " + root.getMessage().strip()
                : root.getClass().getSimpleName();
    }

    public ResolvedMigration getMigration() {
        return this.migration;
    }

    public @Nullable Version getVersion() {
        return this.migration.version();
    }

    public String getDescription() {
        return this.migration.description();
    }

    /**
     * Where the migration comes from: {@code bean 'createUsers'} or the script's location.
     * @return the origin
     */
    public String getOrigin() {
        return this.migration.origin();
    }

    public boolean isChangesMayRemain() {
        return this.changesMayRemain;
    }

    /**
     * The statement that failed, when it is known.
     * @return the statement, or {@code null}
     */
    public @Nullable String getStatement() {
        return this.statement;
    }

    /**
     * The failed statement's line in its script.
     * @return the line, or {@code 0} when not known
     */
    public int getLine() {
        return this.line;
    }

}
