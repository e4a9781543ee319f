package dev.cairn.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import dev.cairn.BackupInfo;
import dev.cairn.MigrationException;
import dev.cairn.MigrationSettings;
import dev.cairn.ResolvedMigration;
import dev.cairn.core.Database;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SQLite's backups: the whole database file, copied consistently with {@code VACUUM INTO} into
 * {@code cairn.backup.directory} (default: {@code backups} beside the database file), each with a
 * {@code .properties} file that says which migration it was taken before; restored with the driver's online restore
 * (SQLite's backup API), which replaces the database's content under the connections that have it open.
 */
final class FileBackups implements Backups {

    private static final Log logger = LogFactory.getLog(FileBackups.class);

    private static final String SUFFIX = ".backup.db";

    private final Database database;

    private final MigrationSettings settings;

    FileBackups(Database database, MigrationSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    @Override
    public BackupInfo take(ResolvedMigration migration, Set<String> tables) {
        Path file = databaseFile();
        if (file == null) {
            throw new MigrationException("An in-memory SQLite database cannot be backed up into a file before "
                    + migration.displayName(), "Set cairn.backup.mode=off for an in-memory database.");
        }
        Path directory = directory(file);
        long now = System.currentTimeMillis();
        Path backup = directory.resolve(prefix(file) + now + SUFFIX);
        for (int i = 1; Files.exists(backup); i++) {
            backup = directory.resolve(prefix(file) + now + "-" + i + SUFFIX);
        }
        try {
            Files.createDirectories(directory);
            execute("VACUUM INTO '" + backup.toString().replace("'", "''") + "'");
            Properties properties = new Properties();
            if (migration.version() != null) {
                properties.setProperty("version", migration.version().toString());
            }
            properties.setProperty("description", migration.description());
            properties.setProperty("createdAt", Long.toString(now));
            store(properties, backup);
        }
        catch (IOException ex) {
            throw new MigrationException("Could not back up " + file + " into " + directory + " before "
                    + migration.displayName() + ": " + ex.getMessage(), "Make " + directory + " writable, or set"
                            + " cairn.backup.directory to a writable directory (cairn.backup.mode=off for none).", ex);
        }
        BackupInfo info = read(backup);
        logger.info("Backed up the database before " + migration.displayName() + " into " + backup);
        prune();
        return info;
    }

    @Override
    public void restore(BackupInfo backup) {
        Path file = Path.of(String.valueOf(backup.file()));
        if (!Files.isRegularFile(file)) {
            throw new MigrationException("The file of " + backup.displayName() + " is gone",
                    "Restore another backup; see MigrationRunner.backups() or /actuator/migrations.");
        }
        checkIsDatabase(file, backup);
        try (Connection connection = this.database.dataSource().getConnection()) {
            // The driver's restore, whose result is checked: "restore from" ignores a restore that could not run.
            int result = connection.unwrap(SQLiteConnection.class).getDatabase().restore("main", file.toString(), null);
            if (result != SQLiteErrorCode.SQLITE_OK.code) {
                throw new MigrationException("Could not restore " + backup.displayName() + ": SQLite result code "
                        + result + " (" + SQLiteErrorCode.getErrorCode(result) + ")", "Make sure no other connection"
                                + " holds a transaction open on the database, and restore again.");
            }
        }
        catch (SQLException ex) {
            throw new MigrationException("Could not restore " + backup.displayName() + ": " + ex.getMessage(),
                    "Make sure no other connection holds a transaction open on the database, and restore again.", ex);
        }
        Properties properties = load(file);
        properties.setProperty("restoredAt", Long.toString(System.currentTimeMillis()));
        store(properties, file);
        logger.warn("Restored the database from " + backup.displayName());
    }

    @Override
    public List<BackupInfo> list() {
        Path file = databaseFile();
        if (file == null) {
            return List.of();
        }
        Path directory = directory(file);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        String base = prefix(file);
        List<BackupInfo> backups = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter((candidate) -> candidate.getFileName().toString().startsWith(base)
                    && candidate.getFileName().toString().endsWith(SUFFIX))
                .filter((candidate) -> Files.exists(properties(candidate)))
                .forEach((candidate) -> backups.add(read(candidate)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        backups.sort(Comparator.comparing(BackupInfo::createdAt).thenComparing(BackupInfo::id).reversed());
        return backups;
    }

    private void prune() {
        List<BackupInfo> backups = list();
        for (BackupInfo old : backups.subList(Math.min(backups.size(), this.settings.backupKeep()),
                backups.size())) {
            try {
                Path file = Path.of(String.valueOf(old.file()));
                Files.deleteIfExists(file);
                Files.deleteIfExists(properties(file));
            }
            catch (IOException ex) {
                logger.warn("Could not remove the old " + old.displayName() + ": " + ex.getMessage());
            }
        }
    }

    private BackupInfo read(Path backup) {
        Properties properties = load(backup);
        String name = backup.getFileName().toString();
        String restored = properties.getProperty("restoredAt");
        return new BackupInfo(name.substring(0, name.length() - SUFFIX.length()), properties.getProperty("version"),
                properties.getProperty("description", ""),
                Instant.ofEpochMilli(Long.parseLong(properties.getProperty("createdAt", "0"))), List.of(),
                backup.toAbsolutePath().toString(), (restored != null) ? Instant.ofEpochMilli(Long.parseLong(restored))
                        : null);
    }

    /**
     * The database file, or {@code null} for an in-memory database.
     */
    private @Nullable Path databaseFile() {
        List<String> files = new JdbcTemplate(this.database.dataSource())
            .query("SELECT file FROM pragma_database_list WHERE name = 'main'", (rs, row) -> rs.getString(1));
        String file = files.isEmpty() ? null : files.get(0);
        return (file == null || file.isEmpty()) ? null : Path.of(file).toAbsolutePath().normalize();
    }

    /**
     * What the backups of one database file start with: its name and a hash of its path, so that the backups of
     * {@code app.db} and {@code app.sqlite}, or of two {@code data.db} in different directories, sharing a backup
     * directory are never taken for each other's.
     */
    private static String prefix(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return name + "-" + Integer.toHexString(file.toString().hashCode()) + "-";
    }

    private static void checkIsDatabase(Path file, BackupInfo backup) {
        byte[] header = new byte[16];
        int read;
        try (var in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        }
        catch (IOException ex) {
            throw new MigrationException("Could not read " + backup.displayName() + ": " + ex.getMessage(),
                    "Restore another backup.", ex);
        }
        if (read < header.length || !new String(header, 0, 15, java.nio.charset.StandardCharsets.US_ASCII)
            .equals("SQLite format 3")) {
            throw new MigrationException("The file of " + backup.displayName() + " is not an SQLite database;"
                    + " nothing was restored", "Restore another backup.");
        }
    }

    private Path directory(Path file) {
        Path configured = this.settings.backupDirectory();
        if (configured != null) {
            return configured;
        }
        Path parent = file.toAbsolutePath().getParent();
        return (parent != null) ? parent.resolve("backups") : Path.of("backups");
    }

    private void execute(String sql) {
        try (Connection connection = this.database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                connection.commit();
                connection.setAutoCommit(true);
            }
            statement.executeUpdate(sql);
        }
        catch (SQLException ex) {
            throw new MigrationException("Could not run " + sql + ": " + ex.getMessage(),
                    "Check that the database and the backup directory can be reached.", ex);
        }
    }

    private static Path properties(Path backup) {
        return backup.resolveSibling(backup.getFileName() + ".properties");
    }

    private static Properties load(Path backup) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(properties(backup))) {
            properties.load(reader);
        }
        catch (IOException ex) {
            // A backup without its description still restores.
        }
        return properties;
    }

    private static void store(Properties properties, Path backup) {
        try (Writer writer = Files.newBufferedWriter(properties(backup))) {
            properties.store(writer, "Cairn backup");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public String toString() {
        return "SQLite file backups";
    }

}
