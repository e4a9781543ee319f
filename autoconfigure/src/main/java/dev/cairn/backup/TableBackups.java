package dev.cairn.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.cairn.BackupInfo;
import dev.cairn.MigrationException;
import dev.cairn.MigrationSettings;
import dev.cairn.ResolvedMigration;
import dev.cairn.core.Database;
import dev.cairn.core.TableName;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Backups in the database itself (PostgreSQL, MariaDB, MySQL, H2): before a migration, the rows of each table it
 * destroys are copied into {@code cairn_bk<id>_<table>} with {@code CREATE TABLE ... AS SELECT}, a plain copy that
 * depends on nothing (no sequence, key or constraint of the original), and {@code <history table>_backups} records
 * which copies belong to which migration.
 *
 * <p>A restore puts the rows back in one transaction: it deletes the table's rows and inserts the copy's, into the
 * table as it is, so its keys, indexes, constraints, identities and grants stay. It refuses, changing nothing, a table
 * that other tables' foreign keys point at (deleting its rows would cascade or fail) or that no longer has every
 * column of the copy. A table the migration dropped is made again from the copy, with its columns and rows only.
 */
final class TableBackups implements Backups {

    private static final Log logger = LogFactory.getLog(TableBackups.class);

    private static final int NAME_LENGTH = 60;

    private static final int TABLES_LENGTH = 4000;

    private final Database database;

    private final MigrationSettings settings;

    private final TableName catalog;

    private final JdbcTemplate jdbc;

    TableBackups(Database database, MigrationSettings settings) {
        this.database = database;
        this.settings = settings;
        TableName history = database.history().name();
        this.catalog = history.sibling(cut(history.table(), NAME_LENGTH - 8) + "_backups");
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @Override
    public BackupInfo take(ResolvedMigration migration, Set<String> destroyed) {
        createCatalog();
        Set<String> tables = destroyed.isEmpty() ? everyTable() : destroyed;
        String list = String.join(",", tables);
        if (list.length() > TABLES_LENGTH) {
            throw new MigrationException("Cannot back up " + tables.size() + " tables before "
                    + migration.displayName() + ": their names take more than " + TABLES_LENGTH + " characters."
                    + " Nothing was changed", "Name the tables the migration destroys (destroys(), or"
                            + " -- cairn:destroys), or set cairn.backup.mode=destructive or off.");
        }
        Integer last = this.jdbc.queryForObject("SELECT MAX(id) FROM " + this.catalog.qualified(), Integer.class);
        int id = (last != null) ? last + 1 : 1;
        long now = System.currentTimeMillis();
        // The row first: its id is taken even if the copies fail, and a leftover copy of that id is replaced.
        this.jdbc.update("INSERT INTO " + this.catalog.qualified() + " (id, version, description, created_at,"
                + " tables) VALUES (?, ?, ?, ?, ?)", id, (migration.version() != null)
                        ? migration.version().toString() : null,
                cut(migration.description(), 200), now, list);
        for (String table : tables) {
            String copy = copyName(id, table);
            try {
                this.jdbc.execute("DROP TABLE IF EXISTS " + copy);
                this.jdbc.execute("CREATE TABLE " + copy + " AS SELECT * FROM " + table);
            }
            catch (DataAccessException ex) {
                tables.forEach((each) -> dropQuietly(copyName(id, each)));
                this.jdbc.update("DELETE FROM " + this.catalog.qualified() + " WHERE id = ?", id);
                throw new MigrationException("Could not back up " + table + " before " + migration.displayName()
                        + ": " + ex.getMostSpecificCause().getMessage() + ". Nothing was changed",
                        "Check the tables the migration names in destroys() (or -- cairn:destroys), or set"
                                + " cairn.backup.mode=off to migrate without a backup.", ex);
            }
        }
        logger.info("Backed up " + String.join(", ", tables) + " before " + migration.displayName() + " (backup "
                + id + ")");
        prune();
        return new BackupInfo(Integer.toString(id), (migration.version() != null) ? migration.version().toString()
                : null, migration.description(), Instant.ofEpochMilli(now), List.copyOf(tables), null, null);
    }

    @Override
    public void restore(BackupInfo backup) {
        int id = Integer.parseInt(backup.id());
        Boolean done = this.jdbc.execute((Connection connection) -> {
            // Checked first, all of them: a restore changes every table or none.
            List<Runnable> steps = new ArrayList<>();
            for (String table : backup.tables()) {
                steps.add(plan(connection, table, copyName(id, table), backup));
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                steps.forEach(Runnable::run);
                connection.commit();
            }
            catch (RuntimeException ex) {
                connection.rollback();
                throw ex;
            }
            finally {
                connection.setAutoCommit(autoCommit);
            }
            return true;
        });
        if (Boolean.TRUE.equals(done)) {
            this.jdbc.update("UPDATE " + this.catalog.qualified() + " SET restored_at = ? WHERE id = ?",
                    System.currentTimeMillis(), id);
            logger.warn("Restored " + String.join(", ", backup.tables()) + " from " + backup.displayName());
        }
    }

    /**
     * How one table is restored, checked before anything changes.
     */
    private Runnable plan(Connection connection, String table, String copy, BackupInfo backup) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        Set<String> copied = columns(metaData, copy, false);
        if (copied.isEmpty()) {
            throw new MigrationException("The copy " + copy + " of " + table + " in " + backup.displayName()
                    + " is gone; nothing was restored", "Restore another backup.");
        }
        Set<String> present = columns(metaData, table, false);
        if (present.isEmpty()) {
            return () -> {
                execute(connection, "CREATE TABLE " + table + " AS SELECT * FROM " + copy);
                logger.warn("Made " + table + " again from " + copy + " with its columns and rows only: recreate its"
                        + " keys, indexes and constraints");
            };
        }
        if (!present.containsAll(copied)) {
            Set<String> missing = new LinkedHashSet<>(copied);
            missing.removeAll(present);
            throw new MigrationException("Cannot restore " + table + " from " + backup.displayName() + ": it no"
                    + " longer has the columns " + missing + "; nothing was restored", "Restore it by hand from "
                            + copy + ", which holds its rows as they were.");
        }
        if (isReferenced(metaData, table)) {
            throw new MigrationException("Cannot restore " + table + " from " + backup.displayName() + ": other"
                    + " tables' foreign keys point at it, and replacing its rows would cascade to theirs or fail;"
                    + " nothing was restored", "Restore it by hand from " + copy + ", which holds its rows as they"
                            + " were.");
        }
        Set<String> columns = new LinkedHashSet<>(copied);
        columns.removeAll(columns(metaData, table, true));
        String list = String.join(", ", columns);
        return () -> {
            execute(connection, "DELETE FROM " + table);
            execute(connection, "INSERT INTO " + table + " (" + list + ")"
                    + this.database.dialect().overridingIdentity() + " SELECT " + list + " FROM " + copy);
        };
    }

    /**
     * A table's columns, lower case: all of them, or only those the database computes (generated columns).
     */
    private Set<String> columns(DatabaseMetaData metaData, String table, boolean generatedOnly) throws SQLException {
        TableName name = name(table);
        Set<String> columns = new LinkedHashSet<>();
        try (ResultSet rs = metaData.getColumns(catalog(metaData, name), schema(metaData, name), fold(metaData,
                name.table()), null)) {
            while (rs.next()) {
                boolean generated = "YES".equalsIgnoreCase(generated(rs));
                if (!generatedOnly || generated) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    private boolean isReferenced(DatabaseMetaData metaData, String table) throws SQLException {
        TableName name = name(table);
        try (ResultSet rs = metaData.getExportedKeys(catalog(metaData, name), schema(metaData, name),
                fold(metaData, name.table()))) {
            return rs.next();
        }
    }

    private static @Nullable String generated(ResultSet rs) {
        try {
            return rs.getString("IS_GENERATEDCOLUMN");
        }
        catch (SQLException ex) {
            return null;
        }
    }

    private TableName name(String table) {
        int dot = table.indexOf('.');
        return (dot > 0) ? new TableName(table.substring(0, dot), table.substring(dot + 1), this.database.dialect())
                : new TableName(null, table, this.database.dialect());
    }

    private @Nullable String catalog(DatabaseMetaData metaData, TableName name) throws SQLException {
        // MariaDB's and MySQL's databases are JDBC catalogs: a qualified name names one.
        return (this.database.dialect().schemaIsCatalog() && name.schema() != null) ? name.schema()
                : metaData.getConnection().getCatalog();
    }

    private @Nullable String schema(DatabaseMetaData metaData, TableName name) throws SQLException {
        if (this.database.dialect().schemaIsCatalog()) {
            return null;
        }
        return (name.schema() != null) ? fold(metaData, name.schema()) : metaData.getConnection().getSchema();
    }

    private static String fold(DatabaseMetaData metaData, String identifier) throws SQLException {
        if (metaData.storesUpperCaseIdentifiers()) {
            return identifier.toUpperCase(Locale.ROOT);
        }
        return metaData.storesLowerCaseIdentifiers() ? identifier.toLowerCase(Locale.ROOT) : identifier;
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new MigrationException("Could not restore: " + sql + " failed: " + ex.getMessage()
                    + "; nothing was restored", "Restore by hand from the backup's copy tables.", ex);
        }
    }

    @Override
    public List<BackupInfo> list() {
        Boolean exists = this.jdbc.execute((Connection connection) -> this.catalog.exists(connection));
        if (!Boolean.TRUE.equals(exists)) {
            return List.of();
        }
        return this.jdbc.query("SELECT id, version, description, created_at, tables, restored_at FROM "
                + this.catalog.qualified() + " ORDER BY id DESC", ROW);
    }

    private void prune() {
        List<BackupInfo> backups = list();
        for (BackupInfo old : backups.subList(Math.min(backups.size(), this.settings.backupKeep()),
                backups.size())) {
            int id = Integer.parseInt(old.id());
            old.tables().forEach((table) -> dropQuietly(copyName(id, table)));
            this.jdbc.update("DELETE FROM " + this.catalog.qualified() + " WHERE id = ?", id);
        }
    }

    private void createCatalog() {
        this.jdbc.execute("CREATE TABLE IF NOT EXISTS " + this.catalog.qualified() + " (id INTEGER NOT NULL PRIMARY"
                + " KEY, version VARCHAR(50), description VARCHAR(200) NOT NULL, created_at BIGINT NOT NULL,"
                + " tables VARCHAR(" + TABLES_LENGTH + ") NOT NULL, restored_at BIGINT)");
    }

    /**
     * Every base table of the schema but Cairn's own, for cairn.backup.mode=all and a migration that names none.
     */
    private Set<String> everyTable() {
        String history = this.database.history().name().table().toLowerCase(Locale.ROOT);
        Set<String> tables = this.jdbc.execute((Connection connection) -> this.catalog.otherTables(connection,
                Set.of(), new String[] { "TABLE" }));
        Set<String> theirs = new LinkedHashSet<>();
        for (String table : (tables != null) ? tables : Set.<String>of()) {
            if (!table.startsWith(history) && !table.startsWith("cairn_bk") && !table.startsWith("cairn_background")) {
                theirs.add(table);
            }
        }
        return theirs;
    }

    private String copyName(int id, String table) {
        String simple = table.substring(table.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String name = "cairn_bk" + id + "_" + simple;
        if (name.length() > NAME_LENGTH) {
            name = cut(name, NAME_LENGTH - 9) + "_" + Integer.toHexString(simple.hashCode());
        }
        return this.catalog.sibling(name).qualified();
    }

    private void dropQuietly(String table) {
        try {
            this.jdbc.execute("DROP TABLE IF EXISTS " + table);
        }
        catch (DataAccessException ex) {
            logger.warn("Could not drop the backup table " + table + ": " + ex.getMessage());
        }
    }

    private static String cut(String text, int length) {
        return (text.length() <= length) ? text : text.substring(0, length);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static final RowMapper<BackupInfo> ROW = (rs, row) -> new BackupInfo(Integer.toString(rs.getInt("id")),
            rs.getString("version"), rs.getString("description"), Instant.ofEpochMilli(rs.getLong("created_at")),
            List.of(rs.getString("tables").split(",")), null, instant(rs, "restored_at"));

    @Override
    public String toString() {
        return "table backups in " + this.catalog.qualified();
    }

}
