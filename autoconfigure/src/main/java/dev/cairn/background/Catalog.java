package dev.cairn.background;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.cairn.BackgroundMigration;
import dev.cairn.BackgroundMigrationInfo;
import dev.cairn.BackgroundMigrationState;
import dev.cairn.BackgroundSettings;
import dev.cairn.MigrationException;
import dev.cairn.ResolvedMigration;
import dev.cairn.Version;
import dev.cairn.core.TableName;
import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.Dialects;
import dev.cairn.lock.LeaseLock;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.util.StringUtils;

/**
 * The application's background migrations, checked (ids are versions, and unique) and in id order, together with
 * the state table that records them and the lease their worker holds.
 */
public final class Catalog {

    private final DataSource dataSource;

    private final Supplier<? extends Map<String, ? extends BackgroundMigration>> beans;

    private final BackgroundSettings settings;

    private volatile @Nullable StateTable table;

    /**
     * A catalog.
     * @param dataSource where the migrations run
     * @param beans the migrations by bean name, looked up on every operation
     * @param settings the settings
     */
    public Catalog(DataSource dataSource, Supplier<? extends Map<String, ? extends BackgroundMigration>> beans,
            BackgroundSettings settings) {
        this.dataSource = dataSource;
        this.beans = beans;
        this.settings = settings;
    }

    /**
     * Whether the application defines background migrations, without checking them.
     * @return whether there are any
     */
    public boolean isEmpty() {
        return this.beans.get().isEmpty();
    }

    /**
     * The migrations in id order.
     * @return the migrations
     * @throws MigrationException when an id is not a version, or two migrations share one
     */
    public List<BackgroundMigration> migrations() {
        Map<Version, Map.Entry<String, ? extends BackgroundMigration>> byId = new TreeMap<>();
        for (Map.Entry<String, ? extends BackgroundMigration> entry : this.beans.get().entrySet()) {
            String id = entry.getValue().id();
            if (!Version.isVersion(id) || id.length() > StateTable.ID_LENGTH) {
                throw new MigrationException("Invalid id '" + id + "' of background migration bean '"
                        + entry.getKey() + "'", "Give it an id ordered like a version, such as 1, 2 or 2.1, of at"
                                + " most " + StateTable.ID_LENGTH + " characters.");
            }
            var previous = byId.put(Version.parse(id), entry);
            if (previous != null) {
                throw new MigrationException("Background migration id " + id + " is used by bean '"
                        + previous.getKey() + "' and by bean '" + entry.getKey() + "'",
                        "Give each background migration an id of its own.");
            }
        }
        return byId.values().stream().<BackgroundMigration>map(Map.Entry::getValue).toList();
    }

    /**
     * Every background migration, defined by the application or recorded in the state table, in id order; a
     * defined one without a row yet is QUEUED.
     * @return their states
     */
    public List<BackgroundMigrationInfo> status() {
        Map<String, BackgroundMigrationInfo> all = new LinkedHashMap<>();
        for (BackgroundMigration migration : migrations()) {
            all.put(migration.id(), new BackgroundMigrationInfo(migration.id(), migration.description(),
                    BackgroundMigrationState.QUEUED, 0, null, null, this.settings.batchSize(), 0, 0, null, null, null,
                    null, null));
        }
        StateTable table = table();
        if (table.exists()) {
            table.read().forEach((row) -> all.put(row.id(), row));
        }
        List<BackgroundMigrationInfo> sorted = new ArrayList<>(all.values());
        sorted.sort(Comparator.comparing((BackgroundMigrationInfo row) -> order(row.id())));
        return sorted;
    }

    /**
     * A migration's row, registered first where it is defined but no worker has registered it yet, so that a
     * migration can be paused before it starts.
     * @param id the id
     * @return the row, or {@code null} when the migration is neither defined nor recorded
     */
    public @Nullable BackgroundMigrationInfo recorded(String id) {
        StateTable table = table();
        BackgroundMigrationInfo row = table.exists() ? table.read(id) : null;
        BackgroundMigration defined = (row == null) ? defined(id) : null;
        if (defined != null) {
            table.create();
            table.register(List.of(defined), this.settings.batchSize());
            row = table.read(id);
        }
        return row;
    }

    /**
     * The unfinished background migration a migration waits for.
     * @param migration a pending migration
     * @return the background migration, named for the log, or {@code null} when all it requires have finished
     * @throws MigrationException when it requires one that is neither defined nor recorded
     */
    public @Nullable String waitingFor(ResolvedMigration migration) {
        StateTable table = table();
        List<BackgroundMigrationInfo> rows = table.exists() ? table.read() : List.of();
        for (String id : migration.requiredBackgroundMigrations()) {
            // Compared as versions, as ids are: a migration that requires "1.0" waits for "1".
            Version wanted = Version.parse(id);
            BackgroundMigrationInfo row = rows.stream()
                .filter((candidate) -> Version.isVersion(candidate.id())
                        && Version.parse(candidate.id()).equals(wanted))
                .findFirst()
                .orElse(null);
            if (row != null && row.state() == BackgroundMigrationState.FINISHED) {
                continue;
            }
            if (row != null) {
                return row.displayName();
            }
            BackgroundMigration defined;
            try {
                defined = migrations().stream()
                    .filter((candidate) -> Version.parse(candidate.id()).equals(wanted))
                    .findFirst()
                    .orElse(null);
            }
            catch (BeansException ex) {
                // Migrating while the context starts (cairn.run-on=startup), before the background migrations'
                // beans can be made: it waits, and they are checked when they start.
                return "background migration " + id + " (not started yet)";
            }
            if (defined == null) {
                throw new MigrationException(StringUtils.capitalize(migration.displayName())
                        + " requires background migration " + id + ", which is neither defined nor recorded in "
                        + table.name().qualified(), "Define a BackgroundMigration bean with id " + id
                                + ", or correct the id the migration requires.");
            }
            return "background migration " + id + " \"" + defined.description() + "\" ("
                    + BackgroundMigrationState.QUEUED + ")";
        }
        return null;
    }

    /**
     * The state table and its lease table, lower case.
     * @return the tables
     */
    public Set<String> tables() {
        String table = this.settings.table().toLowerCase(Locale.ROOT);
        return Set.of(table, table + "_lease");
    }

    /**
     * The state table, for a database learned on first use.
     * @return the table
     */
    public StateTable table() {
        StateTable table = this.table;
        if (table == null) {
            Dialect dialect;
            try {
                dialect = Dialects.forProductName(JdbcUtils.extractDatabaseMetaData(this.dataSource,
                        DatabaseMetaData::getDatabaseProductName));
            }
            catch (MetaDataAccessException ex) {
                throw new MigrationException("Could not connect to the database for background migrations: "
                        + ex.getMessage(), "Check the data source.", ex);
            }
            table = new StateTable(this.dataSource,
                    new TableName(this.settings.schema(), this.settings.table(), dialect));
            this.table = table;
        }
        return table;
    }

    /**
     * A fresh lease for one turn of the worker.
     * @return the lease, not taken yet
     */
    public LeaseLock newLease() {
        TableName name = table().name();
        String schema = name.schema();
        return new LeaseLock(this.dataSource, "background migrations", name.qualified() + "_lease",
                this.settings.lease(), name.dialect().currentTimeMillisQuery(),
                (schema != null) ? name.dialect().createSchema(schema) : null);
    }

    private @Nullable BackgroundMigration defined(String id) {
        return migrations().stream().filter((migration) -> migration.id().equals(id)).findFirst().orElse(null);
    }

    private static Version order(String id) {
        return Version.isVersion(id) ? Version.parse(id) : Version.of(Long.MAX_VALUE);
    }

}
