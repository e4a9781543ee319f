package dev.cairn.schema;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * SQL run as written, the escape hatch for what no step says: one statement for every database, or one per database
 * keyed by its name ({@code sqlite}, {@code postgresql}, {@code mariadb}, {@code mysql}, {@code h2}) with
 * {@code default} for the others. Not additive (the policy cannot see into it) and irreversible unless it is given
 * the SQL that undoes it.
 *
 * @param statements the statement for each database name, lower case
 * @param down the statements that undo it, or {@code null}
 */
public record SqlStep(Map<String, String> statements, @Nullable Map<String, String> down) implements Step {

    /** The key of the statement for databases without one of their own. */
    public static final String DEFAULT = "default";

    /**
     * Copies the statements, with keys in lower case.
     * @param statements the statements
     * @param down the statements that undo them
     */
    public SqlStep {
        statements = lowerCase(statements);
        down = (down != null) ? lowerCase(down) : null;
    }

    private static Map<String, String> lowerCase(Map<String, String> statements) {
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("An sql step needs a statement");
        }
        Map<String, String> copy = new TreeMap<>();
        statements.forEach((database, sql) -> copy.put(database.toLowerCase(Locale.ROOT), sql));
        // sorted, not Map.copyOf: its order changes from one JVM to the next, and the checksum is taken in this order
        return Collections.unmodifiableMap(copy);
    }

    /**
     * This step with the SQL that undoes it, for every database.
     * @param sql the statement
     * @return the step
     */
    public SqlStep down(String sql) {
        return new SqlStep(this.statements, Map.of(DEFAULT, sql));
    }

    /**
     * The statement for a database.
     * @param database the database's name, as its dialect gives it
     * @return the statement, or {@code null} when the step has none for it
     */
    public @Nullable String statementFor(String database) {
        return pick(this.statements, database);
    }

    static @Nullable String pick(Map<String, String> statements, String database) {
        String name = database.toLowerCase(Locale.ROOT);
        String sql = statements.get(name);
        return (sql != null) ? sql : statements.get(DEFAULT);
    }

    @Override
    public boolean additive() {
        return false;
    }

    @Override
    public @Nullable List<Step> inverse() {
        return (this.down != null) ? List.of(new SqlStep(this.down, this.statements)) : null;
    }

    @Override
    public @Nullable String table() {
        return null;
    }

    @Override
    public String advice() {
        return "Cairn cannot see what SQL changes: write the change as steps, or mark the migration breaking if it is";
    }

    @Override
    public String toString() {
        String sql = this.statements.values().iterator().next().strip().replaceAll("\\s+", " ");
        return "sql(" + ((sql.length() > 60) ? sql.substring(0, 57) + "..." : sql) + ")";
    }

}
