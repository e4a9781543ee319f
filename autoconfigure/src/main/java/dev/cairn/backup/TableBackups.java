package dev.cairn.backup;

import java.sql.Connection;
import java.sql.ResultSet;
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
import dev.cairn.dialect.Dialect;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Backups in the database itself (PostgreSQL, MariaDB, MySQL, H2): before a migration, each table it destroys is
 * copied into {@code <history table>_bk<id>_<table>}, shaped as the original (with its keys and indexes where the
 * database can copy them), and {@code <history table>_backups} records which copies belong to which migration.
 * A restore replaces each table by a copy of its backup.
 */
final class TableBackups implements Backups {

    private static final Log logger = LogFactory.getLog(TableBackups.class);

    private static final int NAME_LENGTH = 60;

    private final Database database;

    private final MigrationSettings settings;

    private final Dialect dialect;

    private final TableName catalog;

    private final JdbcTemplate jdbc;

    TableBackups(Database database, MigrationSettings settings) {
        this.database = database;
        this.settings = settings;
        this.dialect = database.dialect();
        TableName history = database.history().name();
        this.catalog = history.sibling(history.table() + "_backups");
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @Override
    public BackupInfo take(ResolvedMigration migration, Set<String> destroyed) {
        createCatalog();
        Set<String> tables = destroyed.isEmpty() ? everyTable() : destroyed;
        Integer last = this.jdbc.queryForObject("SELECT MAX(id) FROM " + this.catalog.qualified(), Integer.class);
        int id = (last != null) ? last + 1 : 1;
        long now = System.currentTimeMillis();
        List<String> copied = new ArrayList<>();
        try {
            for (String table : tables) {
                String copy = copyName(id, table);
                this.jdbc.execute(this.dialect.createTableLike(copy, table));
                copied.add(copy);
                this.jdbc.execute("INSERT INTO " + copy + " SELECT * FROM " + table);
            }
        }
        catch (DataAccessException ex) {
            copied.forEach(this::dropQuietly);
            throw new MigrationException("Could not back up " + String.join(", ", tables) + " before "
                    + migration.displayName() + ": " + ex.getMostSpecificCause().getMessage() + ". Nothing was changed",
                    "Check the tables the migration names in destroys() (or -- cairn:destroys), or set"
                            + " cairn.backup.mode=off to migrate without a backup.", ex);
        }
        this.jdbc.update("INSERT INTO " + this.catalog.qualified() + " (id, version, description, created_at,"
                + " tables) VALUES (?, ?, ?, ?, ?)", id, (migration.version() != null)
                        ? migration.version().toString() : null,
                cut(migration.description(), 200), now, String.join(",", tables));
        logger.info("Backed up " + String.join(", ", tables) + " before " + migration.displayName() + " (backup "
                + id + ")");
        prune();
        return new BackupInfo(Integer.toString(id), (migration.version() != null) ? migration.version().toString()
                : null, migration.description(), Instant.ofEpochMilli(now), List.copyOf(tables), null, null);
    }

    @Override
    public void restore(BackupInfo backup) {
        int id = Integer.parseInt(backup.id());
        for (String table : backup.tables()) {
            String copy = copyName(id, table);
            this.jdbc.execute("DROP TABLE IF EXISTS " + table);
            this.jdbc.execute(this.dialect.createTableLike(table, copy));
            this.jdbc.execute("INSERT INTO " + table + " SELECT * FROM " + copy);
        }
        this.jdbc.update("UPDATE " + this.catalog.qualified() + " SET restored_at = ? WHERE id = ?",
                System.currentTimeMillis(), id);
        logger.warn("Restored " + String.join(", ", backup.tables()) + " from " + backup.displayName());
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
                + " tables VARCHAR(2000) NOT NULL, restored_at BIGINT)");
    }

    /**
     * Every table of the schema but Cairn's own, for cairn.backup.mode=all and a migration that names none.
     */
    private Set<String> everyTable() {
        String history = this.database.history().name().table().toLowerCase(Locale.ROOT);
        Set<String> tables = this.jdbc.execute((Connection connection) -> this.catalog.otherTables(connection,
                Set.of()));
        Set<String> ours = new LinkedHashSet<>();
        for (String table : (tables != null) ? tables : Set.<String>of()) {
            if (!table.startsWith(history) && !table.startsWith("cairn_background_migrations")) {
                ours.add(table);
            }
        }
        return ours;
    }

    private String copyName(int id, String table) {
        String simple = table.substring(table.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String name = this.database.history().name().table() + "_bk" + id + "_" + simple;
        return this.catalog.sibling(cut(name, NAME_LENGTH)).qualified();
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

    private static @Nullable Instant instant(ResultSet rs, String column) throws java.sql.SQLException {
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
