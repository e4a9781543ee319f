package dev.cairn;

/**
 * Thrown when a rollback would have to revert a migration that does not implement {@code down}.
 */
public class IrreversibleMigrationException extends MigrationException {

    private final long version;

    public IrreversibleMigrationException(long version, String description) {
        super("Migration " + version + " \"" + description + "\" is irreversible: it does not implement down()",
                "Implement down() in migration " + version + ", or roll back only to version " + version
                        + " or later.");
        this.version = version;
    }

    public long getVersion() {
        return this.version;
    }

}
