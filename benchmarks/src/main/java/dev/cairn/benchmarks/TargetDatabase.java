package dev.cairn.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A database the suite measures on, which hands out a fresh, empty {@link Scratch} for every run: a new SQLite
 * file, or a new PostgreSQL schema reached through {@code currentSchema}.
 */
abstract class TargetDatabase {

    private static final AtomicInteger sequence = new AtomicInteger();

    private final String id;

    private final String label;

    TargetDatabase(String id, String label) {
        this.id = id;
        this.label = label;
    }

    String id() {
        return this.id;
    }

    String label() {
        return this.label;
    }

    /**
     * Why this database cannot be used, or {@code null} when it can.
     * @return the reason
     */
    abstract @Nullable String unavailableReason();

    /**
     * The server's or library's version, for the report.
     * @return the version
     */
    abstract String version();

    /**
     * A fresh, empty database.
     * @return the scratch database
     * @throws Exception when it cannot be created
     */
    abstract Scratch create() throws Exception;

    static String nextName() {
        return "bench_" + ProcessHandle.current().pid() + "_" + sequence.incrementAndGet();
    }

    static long queryLong(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String queryString(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
        catch (SQLException ex) {
            return "unknown (" + ex.getMessage() + ")";
        }
    }

    /**
     * One fresh database: its URL for every contender, the counts that verify a run, and its removal.
     */
    interface Scratch {

        String url();

        /**
         * How many benchmark tables ({@code t_*}) exist.
         * @return the count
         * @throws SQLException when the database cannot be read
         */
        long tables() throws SQLException;

        /**
         * How many rows a table has.
         * @param table the table
         * @return the count
         * @throws SQLException when it cannot be read
         */
        long rows(String table) throws SQLException;

        void drop() throws Exception;

    }

    /** SQLite: a new file per run, reached with a plain {@code jdbc:sqlite:<file>} URL by every contender. */
    static final class Sqlite extends TargetDatabase {

        private final Path directory;

        Sqlite(Path directory) {
            super("sqlite", "SQLite");
            this.directory = directory;
        }

        @Override
        @Nullable String unavailableReason() {
            return null;
        }

        @Override
        String version() {
            return queryString("jdbc:sqlite::memory:", "SELECT sqlite_version()");
        }

        @Override
        Scratch create() throws IOException {
            Files.createDirectories(this.directory);
            Path file = this.directory.resolve(nextName() + ".db");
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            return new Scratch() {

                @Override
                public String url() {
                    return url;
                }

                @Override
                public long tables() throws SQLException {
                    try (Connection connection = DriverManager.getConnection(url)) {
                        return queryLong(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                                + " AND name LIKE 't\\_%' ESCAPE '\\'");
                    }
                }

                @Override
                public long rows(String table) throws SQLException {
                    try (Connection connection = DriverManager.getConnection(url)) {
                        return queryLong(connection, "SELECT count(*) FROM " + table);
                    }
                }

                @Override
                public void drop() throws IOException {
                    for (String suffix : new String[] { "", "-journal", "-wal", "-shm" }) {
                        Files.deleteIfExists(Path.of(file + suffix));
                    }
                }

            };
        }

    }

    /** PostgreSQL: a new schema per run in one database, dropped afterwards. */
    static final class Postgres extends TargetDatabase {

        private static final String CHURNED_CATALOGS = "pg_catalog.pg_class, pg_catalog.pg_attribute,"
                + " pg_catalog.pg_attrdef, pg_catalog.pg_type, pg_catalog.pg_depend, pg_catalog.pg_index,"
                + " pg_catalog.pg_constraint, pg_catalog.pg_namespace";

        private final String url;

        Postgres(String url) {
            super("postgresql", "PostgreSQL");
            this.url = url;
        }

        @Override
        @Nullable String unavailableReason() {
            try (Connection connection = DriverManager.getConnection(this.url)) {
                return null;
            }
            catch (SQLException ex) {
                return "PostgreSQL at " + this.url + " is unreachable (" + ex.getMessage() + ")";
            }
        }

        @Override
        String version() {
            return queryString(this.url, "SHOW server_version");
        }

        @Override
        Scratch create() throws SQLException {
            // Every run creates and drops up to a thousand tables. Dead catalog rows slow down every later CREATE
            // TABLE, most of all where the server runs without autovacuum (as the local one does), and would favour
            // whoever runs first in a round; so every run starts from a vacuumed catalog, outside the timed part.
            execute("VACUUM " + CHURNED_CATALOGS);
            String schema = nextName();
            execute("CREATE SCHEMA " + schema);
            String scratchUrl = this.url + (this.url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new Scratch() {

                @Override
                public String url() {
                    return scratchUrl;
                }

                @Override
                public long tables() throws SQLException {
                    try (Connection connection = DriverManager.getConnection(Postgres.this.url)) {
                        return queryLong(connection, "SELECT count(*) FROM information_schema.tables"
                                + " WHERE table_schema = ? AND table_name LIKE 't\\_%'", schema);
                    }
                }

                @Override
                public long rows(String table) throws SQLException {
                    try (Connection connection = DriverManager.getConnection(Postgres.this.url)) {
                        return queryLong(connection, "SELECT count(*) FROM " + schema + "." + table);
                    }
                }

                @Override
                public void drop() throws SQLException {
                    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }

            };
        }

        private void execute(String sql) throws SQLException {
            try (Connection connection = DriverManager.getConnection(this.url);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

    }

}
