package dev.cairn;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A backup Cairn took before a migration that destroys data: of the whole database file (SQLite), or of the
 * tables the migration drops or rewrites (PostgreSQL, MariaDB, MySQL, H2).
 *
 * @param id the id, to restore it by
 * @param version the version of the migration it was taken before, or {@code null} for a repeatable one
 * @param description that migration's description
 * @param createdAt when it was taken
 * @param tables the tables it holds copies of, empty for a whole database file
 * @param file the file it is, for a whole database file
 * @param restoredAt when it was last restored, where that is recorded
 */
public record BackupInfo(String id, @Nullable String version, String description, Instant createdAt,
        List<String> tables, @Nullable String file, @Nullable Instant restoredAt) {

    /**
     * The backup named for messages: {@code backup 3 of todos, users, taken before migration 7}.
     * @return the name
     */
    public String displayName() {
        return "backup " + this.id + " of " + ((this.file != null) ? "the database file " + this.file
                : String.join(", ", this.tables)) + ", taken before migration "
                + ((this.version != null) ? this.version : "\"" + this.description + "\"");
    }

}
