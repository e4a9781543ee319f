package dev.cairn.core;

import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.cairn.MigrationException;
import dev.cairn.MigrationSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the history table ready under the lock, before anything is applied: creates it on a fresh database, upgrades
 * the layout Cairn 0.1 wrote, imports Flyway's history, or baselines a database that already has a schema, and
 * refuses a non-empty database that has none of these. A table that is rebuilt is written beside the history table
 * first ({@code <table>_up}) and renamed into place, so that a crash half-way leaves the old table as it was.
 */
public final class HistorySetup {

    private static final Log logger = LogFactory.getLog(HistorySetup.class);

    private final Database database;

    private final MigrationSettings settings;

    private final HistoryTable history;

    private final TableName building;

    private final TableName replaced;

    private final Set<String> companions;

    /**
     * The set-up of the history table.
     * @param database the database
     * @param settings the settings
     * @param companions other tables of Cairn's, lower case, that do not make a database one with a schema of its
     * own (the background migrations' state and lease tables)
     */
    public HistorySetup(Database database, MigrationSettings settings, Set<String> companions) {
        this.database = database;
        this.settings = settings;
        this.companions = companions;
        this.history = database.history();
        this.building = this.history.name().sibling(this.history.name().table() + "_up");
        this.replaced = this.history.name().sibling(this.history.name().table() + "_v1");
    }

    /**
     * Makes the table ready to plan and record a migrate.
     * @param baseline writes a baseline row into a new table when the database has a schema and
     * {@code cairn.baseline-on-migrate} is set
     * @return whether the table was created empty: a fresh database
     */
    public boolean prepare(Baseline baseline) {
        Set<String> columns = columns(this.history.name());
        HistoryLayout layout = HistoryLayout.of(columns);
        if (layout == HistoryLayout.MISSING && !columns(this.replaced).isEmpty()) {
            // A rebuild stopped between its two renames: the old table is under its interim name.
            execute(this.database.dialect().renameTable(this.replaced.qualified(), this.history.name().qualified(),
                    this.history.name().table()));
            columns = columns(this.history.name());
            layout = HistoryLayout.of(columns);
        }
        switch (layout) {
            case CURRENT -> {
                return false;
            }
            case FOREIGN -> throw HistoryLayout.foreign(this.history.name(), columns);
            case BEFORE_POLICY -> {
                addPolicyColumns(columns);
                return false;
            }
            case CAIRN_0_1 -> {
                List<AppliedMigration> rows = HistoryLayout.readCairn01(this.history);
                rebuild(rows);
                logger.info("Upgraded the history table " + this.history.name().qualified() + " to the layout of this"
                        + " version of Cairn, keeping its " + rows.size() + " rows");
                return false;
            }
            default -> {
                return create(baseline);
            }
        }
    }

    /**
     * Adds the columns that record whether a migration was additive to a table of the layout before them, in place:
     * every row stays, with its additivity unknown. One column a statement, as SQLite adds no more; a start that
     * stopped between them adds the other.
     */
    private void addPolicyColumns(Set<String> columns) {
        List<String> definitions = this.history.policyColumns();
        for (int i = 0; i < definitions.size(); i++) {
            if (!columns.contains(HistoryLayout.POLICY_COLUMNS.get(i))) {
                execute("ALTER TABLE " + this.history.name().qualified() + " ADD " + definitions.get(i));
            }
        }
        logger.info("Added the columns " + String.join(" and ", HistoryLayout.POLICY_COLUMNS) + " to the history"
                + " table " + this.history.name().qualified() + ", keeping its rows; their additivity is unknown");
    }

    private boolean create(Baseline baseline) {
        createSchema();
        FlywayHistory flyway = new FlywayHistory(this.history, this.settings.flywayTable());
        if (this.settings.flywayImport() && flyway.exists()) {
            List<AppliedMigration> rows = flyway.read();
            rebuild(rows);
            logger.info("Imported " + rows.size() + " rows of Flyway's history table " + flyway.name() + " into "
                    + this.history.name().qualified() + " (" + FlywayHistory.summary(rows) + "); "
                    + flyway.name() + " is left as it was");
            warnIfFlywayRanElsewhere();
            return false;
        }
        if (needsBaseline()) {
            execute(this.history.createStatement(this.history.name()));
            baseline.write();
            return false;
        }
        execute(this.history.createStatement(this.history.name()));
        return true;
    }

    /**
     * Flyway runs its migrations in the schema of its history table (spring.flyway.schemas or default-schema), where
     * Cairn's history table is now too; Cairn runs them in the connection's current schema.
     */
    private void warnIfFlywayRanElsewhere() {
        String schema = this.settings.schema();
        boolean catalog = this.database.dialect().schemaIsCatalog();
        String current = catalog ? this.database.catalog() : this.database.currentSchema();
        if (schema != null && current != null && !schema.equalsIgnoreCase(current)) {
            logger.warn("Flyway ran its migrations in " + schema + ", where its history table is, but new ones run"
                    + " in the connection's current " + (catalog ? "database " : "schema ") + current + ". Point the"
                    + " connection at " + schema + " (the database of a MariaDB or MySQL URL, currentSchema in a"
                    + " PostgreSQL one) so that they go where Flyway's went.");
        }
    }

    /**
     * What the history would hold once {@link #prepare(Baseline)} made the table ready, worked out without changing
     * anything: the rows of the table as it is (of any layout Cairn upgrades), the rows of Flyway's table that would
     * be imported, a baseline row where {@code cairn.baseline-on-migrate} would write one, or none on a fresh
     * database.
     * @return the rows, by rank
     * @throws MigrationException where {@code prepare} would refuse: the table is not a history table, or the
     * database has a schema but no history
     */
    public List<AppliedMigration> preview() {
        Set<String> columns = columns(this.history.name());
        HistoryLayout layout = HistoryLayout.of(columns);
        if (layout == HistoryLayout.MISSING && !columns(this.replaced).isEmpty()) {
            // A rebuild stopped between its two renames; prepare() puts the old table back first.
            HistoryTable old = new HistoryTable(this.database.dataSource(), this.database.dialect(), this.replaced);
            return switch (HistoryLayout.of(old)) {
                case CAIRN_0_1 -> HistoryLayout.readCairn01(old);
                case BEFORE_POLICY -> old.readBeforePolicy();
                default -> old.read();
            };
        }
        switch (layout) {
            case CURRENT -> {
                return this.history.read();
            }
            case FOREIGN -> throw HistoryLayout.foreign(this.history.name(), columns);
            case BEFORE_POLICY -> {
                return this.history.readBeforePolicy();
            }
            case CAIRN_0_1 -> {
                return HistoryLayout.readCairn01(this.history);
            }
            default -> {
                FlywayHistory flyway = new FlywayHistory(this.history, this.settings.flywayTable());
                if (this.settings.flywayImport() && flyway.exists()) {
                    return flyway.read();
                }
                if (needsBaseline()) {
                    return List.of(new AppliedMigration(1, this.settings.baselineVersion(),
                            this.settings.baselineDescription(), AppliedMigration.BASELINE,
                            this.settings.baselineDescription(), null, null, this.database.installedBy(), 0L, true,
                            null));
                }
                return List.of();
            }
        }
    }

    /**
     * Whether a database without a history table has a schema that a baseline must adopt.
     * @return {@code true} when it has tables and {@code cairn.baseline-on-migrate} is set
     * @throws MigrationException when it has tables and {@code cairn.baseline-on-migrate} is not set
     */
    private boolean needsBaseline() {
        Set<String> others = otherTables();
        if (others.isEmpty()) {
            return false;
        }
        if (!this.settings.baselineOnMigrate()) {
            throw new MigrationException("The database already has a schema (" + describe(others) + ") but no"
                    + " history table " + this.history.name().qualified() + "; nothing was changed",
                    "Baseline it so that migrations up to that version are taken as applied: set"
                            + " cairn.baseline-on-migrate=true and cairn.baseline-version to the version its"
                            + " schema corresponds to (default 1), or call MigrationRunner.baseline(). To apply"
                            + " every migration to it anyway, use cairn.baseline-version=0.");
        }
        return true;
    }

    /**
     * Creates the history table of a database without one, for an explicit baseline.
     */
    public void createForBaseline() {
        createSchema();
        execute(this.history.createStatement(this.history.name()));
    }

    private void rebuild(List<AppliedMigration> rows) {
        TransactionTemplate transaction = new TransactionTemplate(
                new DataSourceTransactionManager(this.database.dataSource()));
        HistoryTable target = new HistoryTable(this.database.dataSource(), this.database.dialect(), this.building);
        boolean exists = !columns(this.history.name()).isEmpty();
        transaction.executeWithoutResult((status) -> {
            execute("DROP TABLE IF EXISTS " + this.building.qualified());
            execute(this.history.createStatement(this.building));
            if (!rows.isEmpty()) {
                target.insertAll(rows);
            }
            if (exists) {
                execute(this.database.dialect().renameTable(this.history.name().qualified(), this.replaced.qualified(),
                        this.replaced.table()));
            }
            execute(this.database.dialect().renameTable(this.building.qualified(), this.history.name().qualified(),
                    this.history.name().table()));
            if (exists) {
                execute("DROP TABLE " + this.replaced.qualified());
            }
        });
    }

    private void createSchema() {
        String schema = this.settings.schema();
        String create = (schema != null) ? this.database.dialect().createSchema(schema) : null;
        if (create != null) {
            try {
                execute(create);
            }
            catch (DataAccessException ex) {
                // Created meanwhile by something else; if it really is missing, the next statement says so.
            }
        }
    }

    private Set<String> columns(TableName table) {
        Set<String> columns = jdbc().execute((Connection connection) -> table.columns(connection));
        return (columns != null) ? columns : Set.of();
    }

    private Set<String> otherTables() {
        String table = this.history.name().table().toLowerCase(Locale.ROOT);
        Set<String> ignored = new HashSet<>(this.companions);
        ignored.addAll(List.of(table, table + "_lock", table + "_up", table + "_v1", table + SignatureTable.SUFFIX));
        Set<String> others = jdbc().execute((Connection connection) -> this.history.name().otherTables(connection,
                ignored));
        return (others != null) ? others : Set.of();
    }

    private static String describe(Set<String> tables) {
        List<String> names = tables.stream().sorted().limit(5).toList();
        return "tables " + String.join(", ", names) + ((tables.size() > 5) ? " and " + (tables.size() - 5)
                + " more" : "");
    }

    private void execute(String sql) {
        jdbc().execute(sql);
    }

    private JdbcTemplate jdbc() {
        return this.history.jdbc();
    }

    /**
     * Writes the baseline row into a new, empty history table.
     */
    @FunctionalInterface
    public interface Baseline {

        void write();

    }

}
