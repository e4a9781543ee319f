package dev.cairn.core.source;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * A statement of a script that failed, with its line, carried out of the migration to its failure message.
 */
public final class StatementException extends RuntimeException {

    private final String statement;

    private final int line;

    /**
     * A failed statement.
     * @param statement the statement
     * @param line its line in the script
     * @param cause the database's error
     */
    public StatementException(String statement, int line, SQLException cause) {
        super("Statement at line " + line + " failed: " + cause.getMessage(), cause);
        this.statement = statement;
        this.line = line;
    }

    public String statement() {
        return this.statement;
    }

    public int line() {
        return this.line;
    }

    public static @Nullable StatementException find(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
            if (cause instanceof StatementException statement) {
                return statement;
            }
        }
        return null;
    }

}
