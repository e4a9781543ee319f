package dev.cairn.backup;

import java.util.List;
import java.util.Set;

import dev.cairn.BackupInfo;
import dev.cairn.BackupMode;
import dev.cairn.MigrationSettings;
import dev.cairn.ResolvedMigration;
import dev.cairn.core.Database;
import dev.cairn.dialect.SqliteDialect;
import org.jspecify.annotations.Nullable;

/**
 * Where a database's backups are taken and restored: the whole file for SQLite, copies of tables elsewhere.
 */
public interface Backups {

    /**
     * The backups of a database.
     * @param database the database
     * @param settings the settings
     * @return its backups
     */
    static Backups of(Database database, MigrationSettings settings) {
        return (database.dialect() instanceof SqliteDialect) ? new FileBackups(database, settings)
                : new TableBackups(database, settings);
    }

    /**
     * Backs up what the migration will destroy, where the mode asks for it.
     * @param migration the migration about to run
     * @param mode when to back up
     * @return the backup, or {@code null} when none was taken
     */
    default @Nullable BackupInfo before(ResolvedMigration migration, BackupMode mode) {
        Set<String> tables = migration.destroys();
        if (mode == BackupMode.OFF || (mode == BackupMode.DESTRUCTIVE && tables.isEmpty())) {
            return null;
        }
        return take(migration, tables);
    }

    /**
     * Takes a backup before a migration, and removes the oldest beyond the number kept.
     * @param migration the migration
     * @param tables the tables it destroys; none for every table
     * @return the backup
     */
    BackupInfo take(ResolvedMigration migration, Set<String> tables);

    /**
     * Restores a backup: the database file, or the tables it holds, as they were when it was taken.
     * @param backup the backup
     */
    void restore(BackupInfo backup);

    /**
     * The backups kept, newest first.
     * @return the backups
     */
    List<BackupInfo> list();

}
