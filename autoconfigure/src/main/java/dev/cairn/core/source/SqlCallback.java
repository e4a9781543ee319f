package dev.cairn.core.source;

import java.sql.SQLException;

import dev.cairn.MigrateResult;
import dev.cairn.MigrationContext;
import dev.cairn.MigrationException;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationCallback;
import dev.cairn.core.sql.Placeholders;
import dev.cairn.core.sql.SqlScript;
import dev.cairn.core.sql.SqlSyntax;

/**
 * An SQL script named after a Flyway callback event ({@code beforeMigrate.sql}, {@code afterEachMigrate__x.sql}),
 * run at that event on the connection the event is given.
 */
final class SqlCallback implements MigrationCallback {

    private final SqlScript script;

    private final String event;

    private final Placeholders placeholders;

    private final SqlSyntax syntax;

    SqlCallback(SqlScript script, Placeholders placeholders, SqlSyntax syntax) {
        this.script = script;
        this.event = String.valueOf(script.name().event());
        this.placeholders = placeholders;
        this.syntax = syntax;
    }

    String event() {
        return this.event;
    }

    private void run(String event, MigrationContext context) throws SQLException {
        if (this.event.equals(event)) {
            try {
                SqlMigration.execute(context.connection(),
                        SqlMigration.parse(this.script, this.placeholders, this.syntax).list());
            }
            catch (RuntimeException | SQLException ex) {
                throw new MigrationException("The " + event + " callback " + this.script.origin() + " failed: "
                        + ex.getMessage(), "Fix " + this.script.origin() + ".", ex);
            }
        }
    }

    @Override
    public void beforeMigrate(MigrationContext context) throws SQLException {
        run("beforeMigrate", context);
    }

    @Override
    public void beforeEachMigrate(MigrationContext context) throws SQLException {
        run("beforeEachMigrate", context);
    }

    @Override
    public void afterEachMigrate(MigrationContext context) throws SQLException {
        run("afterEachMigrate", context);
    }

    @Override
    public void afterEachMigrateError(MigrationContext context, MigrationFailedException error) throws SQLException {
        run("afterEachMigrateError", context);
    }

    @Override
    public void afterVersioned(MigrationContext context) throws SQLException {
        run("afterVersioned", context);
    }

    @Override
    public void afterMigrate(MigrationContext context, MigrateResult result) throws SQLException {
        run("afterMigrate", context);
    }

    @Override
    public void afterMigrateApplied(MigrationContext context, MigrateResult result) throws SQLException {
        run("afterMigrateApplied", context);
    }

    @Override
    public void afterMigrateError(MigrationContext context, MigrationException error) throws SQLException {
        run("afterMigrateError", context);
    }

    @Override
    public void beforeRepair(MigrationContext context) throws SQLException {
        run("beforeRepair", context);
    }

    @Override
    public void afterRepair(MigrationContext context) throws SQLException {
        run("afterRepair", context);
    }

    @Override
    public void beforeBaseline(MigrationContext context) throws SQLException {
        run("beforeBaseline", context);
    }

    @Override
    public void afterBaseline(MigrationContext context) throws SQLException {
        run("afterBaseline", context);
    }

    @Override
    public String toString() {
        return this.script.origin();
    }

}
