package dev.cairn.autoconfigure;

import java.nio.file.Path;

import dev.cairn.BackupMode;
import org.jspecify.annotations.Nullable;

/**
 * Backups before migrations that destroy data ({@code cairn.backup.*}).
 */
public class BackupProperties {

    /**
     * When to back up before a migration: destructive (before migrations that declare the tables they destroy),
     * all (before every migration) or off.
     */
    private BackupMode mode = BackupMode.DESTRUCTIVE;

    /**
     * Directory of SQLite database file backups. Default: "backups" beside the database file.
     */
    private @Nullable Path directory;

    /**
     * How many backups to keep; older ones are removed.
     */
    private int keep = 5;

    public BackupMode getMode() {
        return this.mode;
    }

    public void setMode(BackupMode mode) {
        this.mode = mode;
    }

    public @Nullable Path getDirectory() {
        return this.directory;
    }

    public void setDirectory(@Nullable Path directory) {
        this.directory = directory;
    }

    public int getKeep() {
        return this.keep;
    }

    public void setKeep(int keep) {
        this.keep = keep;
    }

}
