package dev.cairn.core.sql;

import org.jspecify.annotations.Nullable;

/**
 * What a script's file name says it is, parsed the way Flyway parses it: {@code V1_1__add_email_index.sql} is
 * versioned migration {@code 1_1}, "add email index".
 *
 * @param kind what the file is
 * @param fileName the file name, without folders
 * @param version the version as written in the name ({@code 1_1}), for versioned and undo scripts only
 * @param description the description, underscores turned into spaces; empty when the name has none; {@code null}
 * for files that are not scripts
 * @param event the Flyway callback event ({@code beforeMigrate}), for callbacks only
 * @param problem why a suspicious name is not a script, for suspicious names only
 */
public record ScriptName(Kind kind, String fileName, @Nullable String version, @Nullable String description,
        @Nullable String event, @Nullable String problem) {

    static ScriptName versioned(Kind kind, String fileName, String version, String description) {
        return new ScriptName(kind, fileName, version, description, null, null);
    }

    static ScriptName repeatable(String fileName, String description) {
        return new ScriptName(Kind.REPEATABLE, fileName, null, description, null, null);
    }

    static ScriptName callback(String fileName, String event, String description) {
        return new ScriptName(Kind.CALLBACK, fileName, null, description, event, null);
    }

    static ScriptName notAMigration(String fileName) {
        return new ScriptName(Kind.NOT_A_MIGRATION, fileName, null, null, null, null);
    }

    static ScriptName suspicious(String fileName, String problem) {
        return new ScriptName(Kind.SUSPICIOUS, fileName, null, null, null, problem);
    }

    /**
     * The version as Flyway records it in {@code flyway_schema_history.version} and as Cairn shows it: underscores
     * become dots ({@code 1_1} is {@code 1.1}); leading zeros and trailing zero parts are kept as written.
     * @return the version text, or {@code null} when the script has no version
     */
    public @Nullable String normalizedVersion() {
        return (this.version != null) ? this.version.replace('_', '.') : null;
    }

    /**
     * Whether the file is a versioned, undo or repeatable migration.
     * @return {@code true} for migrations, {@code false} for callbacks and files that are not scripts
     */
    public boolean isMigration() {
        return this.kind == Kind.VERSIONED || this.kind == Kind.UNDO || this.kind == Kind.REPEATABLE;
    }

    /**
     * What a file name can be.
     */
    public enum Kind {

        /** {@code V<version>__<description>.sql}: applied once, in version order. */
        VERSIONED,

        /** {@code U<version>__<description>.sql}: reverts the versioned migration of the same version. */
        UNDO,

        /** {@code R__<description>.sql}: applied again whenever its checksum changes. */
        REPEATABLE,

        /** {@code <event>.sql} or {@code <event>__<description>.sql}: a Flyway callback such as beforeMigrate. */
        CALLBACK,

        /** A file without a script suffix, such as {@code README.md} or {@code V1__x.sql.conf}. */
        NOT_A_MIGRATION,

        /** A file with a script suffix whose name is not a valid script name, skipped with a warning. */
        SUSPICIOUS

    }

}
