package dev.cairn.core.sql;

/**
 * Thrown for a script that cannot be split, such as one with an unterminated string or dollar quote; names the
 * line where the trouble starts.
 */
public class SqlScriptException extends RuntimeException {

    private final int line;

    public SqlScriptException(String message, int line) {
        super(message);
        this.line = line;
    }

    /**
     * The 1-based line where the construct that cannot be read starts.
     * @return the line
     */
    public int getLine() {
        return this.line;
    }

}
