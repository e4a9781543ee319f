package dev.cairn.core.steps;

import java.util.List;

import dev.cairn.schema.Step;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How one database spells a declarative {@link Step}.
 */
public interface StepRenderer {

    /**
     * The statements that apply a step, in order.
     * @param step the step
     * @param jdbc the migration's connection, for the few steps whose SQL depends on what the table holds now (a
     * MariaDB column's full definition, an SQLite table rebuild); only read
     * @return the statements
     */
    List<String> render(Step step, JdbcTemplate jdbc);

    /**
     * Whether some of the steps may rebuild a table, which needs foreign keys off for the whole migration.
     * @param steps the steps
     * @return whether the migration must run with foreign keys off
     */
    default boolean mayRebuild(List<Step> steps) {
        return false;
    }

    /**
     * Whether a rendered statement is a check: a query that must return no row, such as SQLite's
     * {@code PRAGMA foreign_key_check} after a table rebuild.
     * @param sql the statement
     * @return whether it is a check
     */
    static boolean isCheck(String sql) {
        return sql.startsWith(SqliteRebuild.FOREIGN_KEY_CHECK);
    }

    /**
     * The renderer for a database.
     * @param databaseName the name its dialect gives
     * @return the renderer
     */
    static StepRenderer forDatabase(String databaseName) {
        return switch (databaseName) {
            case "SQLite" -> new SqliteRenderer();
            case "PostgreSQL" -> new PostgresRenderer();
            case "MariaDB", "MySQL" -> new MariaDbRenderer(databaseName);
            case "H2" -> new H2Renderer();
            default -> new StandardRenderer(databaseName);
        };
    }

}
