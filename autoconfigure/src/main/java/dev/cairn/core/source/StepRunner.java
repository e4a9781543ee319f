package dev.cairn.core.source;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import dev.cairn.MigrationContext;
import dev.cairn.core.steps.StepRenderer;
import dev.cairn.schema.Step;

import org.springframework.dao.DataAccessException;

/**
 * Applies steps on a migration's connection, naming the step in any failure: a schema migration's, and those a Java
 * migration applies through {@link MigrationContext#apply}.
 */
public final class StepRunner {

    private StepRunner() {
    }

    /**
     * Applies steps in order.
     * @param steps the steps
     * @param context the migration's context
     * @throws IllegalStateException naming the step that failed
     */
    public static void apply(List<Step> steps, MigrationContext context) {
        StepRenderer renderer = StepRenderer.forDatabase(context.dialect().name());
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String name = "step " + (i + 1) + " of " + steps.size() + ", " + step;
            String statement = "";
            try {
                for (String sql : renderer.render(step, context.jdbc())) {
                    statement = sql;
                    if (StepRenderer.isCheck(sql)) {
                        checkForeignKeys(sql, context);
                    }
                    else {
                        context.jdbc().execute(sql);
                    }
                }
            }
            catch (DataAccessException ex) {
                SQLException cause = (ex.getMostSpecificCause() instanceof SQLException sql) ? sql
                        : new SQLException(ex.getMostSpecificCause().getMessage(), ex);
                throw new StatementException(name + ": " + statement, 0, cause);
            }
            catch (IllegalStateException ex) {
                IllegalStateException failure = new IllegalStateException(name + ": " + ex.getMessage());
                failure.setStackTrace(ex.getStackTrace());
                throw failure;
            }
        }
    }

    /**
     * Whether any step may rebuild a table on this database, which needs foreign keys off for the migration.
     * @param steps the steps
     * @param databaseName the database's name
     * @return whether the migration must run with foreign keys off
     */
    static boolean mayRebuild(List<Step> steps, String databaseName) {
        return StepRenderer.forDatabase(databaseName).mayRebuild(steps);
    }

    private static void checkForeignKeys(String sql, MigrationContext context) {
        List<Map<String, Object>> violations = context.jdbc().queryForList(sql);
        if (!violations.isEmpty()) {
            Map<String, Object> first = violations.get(0);
            throw new IllegalStateException("after rebuilding the table, " + violations.size() + " row(s) break a"
                    + " foreign key, the first in table " + first.get("table") + " (rowid " + first.get("rowid")
                    + ") referring to " + first.get("parent") + "; nothing was changed");
        }
    }

}
