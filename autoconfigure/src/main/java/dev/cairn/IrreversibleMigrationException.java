package dev.cairn;

/**
 * Thrown when a rollback would have to revert a migration that cannot be reverted: a bean that does not implement
 * {@code down}, or an SQL script without an undo script.
 */
public class IrreversibleMigrationException extends MigrationException {

    private final ResolvedMigration migration;

    public IrreversibleMigrationException(ResolvedMigration migration) {
        super(capitalized(migration.displayName()) + " is irreversible: "
                + (JAVA.equals(migration.type()) ? "it does not implement down()" : "it has no undo script"),
                "Give migration " + migration.version() + " a "
                        + (JAVA.equals(migration.type()) ? "down() method" : "U" + migration.version()
                                + "__ undo script")
                        + ", or roll back only to version " + migration.version() + " or later.");
        this.migration = migration;
    }

    private static final String JAVA = "JAVA";

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public ResolvedMigration getMigration() {
        return this.migration;
    }

}
