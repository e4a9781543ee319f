package dev.cairn;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when migrations cannot be planned, validated, applied or reverted. Carries the action that fixes it.
 */
public class MigrationException extends RuntimeException {

    private final String action;

    public MigrationException(String message, String action) {
        this(message, action, null);
    }

    public MigrationException(String message, String action, @Nullable Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /**
     * What the user should do about it, as shown by Spring Boot's failure analysis.
     * @return the action
     */
    public String getAction() {
        return this.action;
    }

}
