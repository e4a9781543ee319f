package dev.cairn.core.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.cairn.BackgroundSettings;
import dev.cairn.MigrationSettings;
import dev.cairn.dialect.Dialect;
import dev.cairn.dialect.MariaDbDialect;
import dev.cairn.dialect.PostgresDialect;
import dev.cairn.dialect.SqliteDialect;
import org.jspecify.annotations.Nullable;

/**
 * Reads the schema a database holds now into a {@link SchemaSnapshot}: with a few catalog queries for the whole
 * schema on SQLite ({@code sqlite_master} and the {@code pragma_*} table-valued functions), PostgreSQL
 * ({@code pg_catalog}) and MariaDB or MySQL ({@code information_schema}), so that a thousand tables cost what ten
 * do; through {@link java.sql.DatabaseMetaData} on other databases, such as H2. Names are lower case.
 */
public final class LiveSchema {

    private LiveSchema() {
    }

    /**
     * Reads the base tables of one schema, and their columns, keys and indexes.
     * @param connection a connection to the database
     * @param dialect the database's dialect
     * @param schema the schema (the database on MariaDB and MySQL; {@code main} on SQLite), or {@code null} for the
     * connection's current one
     * @param excluded tables to leave out, lower case: a name, or a prefix followed by {@code *}, such as
     * {@code cairn_bk*}
     * @return the snapshot
     * @throws SQLException when the catalog cannot be read
     */
    public static SchemaSnapshot read(Connection connection, Dialect dialect, @Nullable String schema,
            Set<String> excluded) throws SQLException {
        Predicate<String> included = new Included(excluded);
        SchemaSnapshot.Builder snapshot = SchemaSnapshot.builder();
        if (dialect instanceof SqliteDialect) {
            SqliteSchema.read(connection, (schema != null) ? schema : "main", included, snapshot);
        }
        else if (dialect instanceof PostgresDialect) {
            PostgresSchema.read(connection, (schema != null) ? schema : connection.getSchema(), included, snapshot);
        }
        else if (dialect instanceof MariaDbDialect) {
            MariaDbSchema.read(connection, (schema != null) ? schema : connection.getCatalog(), included, snapshot);
        }
        else {
            MetaDataSchema.read(connection, schema, included, snapshot);
        }
        return snapshot.build();
    }

    /**
     * Cairn's own tables, as {@link #read} leaves them out: the history table and every table named after it (its
     * lock, signature and backups tables), the background migrations' tables, the copies of tables that backups keep,
     * and Flyway's history table.
     * @param settings the runner's settings
     * @param backgroundTables the background migrations' tables, lower case
     * @return the names and prefixes
     */
    public static Set<String> cairnTables(MigrationSettings settings, Set<String> backgroundTables) {
        String history = Normalize.name(settings.table());
        Set<String> excluded = new LinkedHashSet<>(List.of(history, history + "_*", "cairn_bk*",
                BackgroundSettings.DEFAULT_TABLE + "*", Normalize.name(settings.flywayTable())));
        excluded.addAll(backgroundTables);
        return excluded;
    }

    /**
     * Whether a table is left out of a snapshot.
     * @param table the table, any case
     * @param excluded names and prefixes followed by {@code *}, lower case
     * @return {@code true} when a name or prefix matches
     */
    public static boolean isExcluded(String table, Set<String> excluded) {
        String name = Normalize.name(table);
        if (name.startsWith("sqlite_") || excluded.contains(name)) {
            return true;
        }
        for (String pattern : excluded) {
            if (pattern.endsWith("*") && name.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tables a snapshot keeps, asked once per catalog row: a run of rows of one table is answered from the last
     * answer of {@link #isExcluded}.
     */
    private static final class Included implements Predicate<String> {

        private final Set<String> excluded;

        private @Nullable String lastTable;

        private boolean lastAnswer;

        Included(Set<String> excluded) {
            this.excluded = excluded;
        }

        @Override
        public boolean test(String table) {
            if (!table.equals(this.lastTable)) {
                this.lastTable = table;
                this.lastAnswer = !isExcluded(table, this.excluded);
            }
            return this.lastAnswer;
        }

    }

    /**
     * Runs a catalog query and hands each row on.
     */
    static void query(Connection connection, String sql, List<String> parameters, RowHandler handler)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        }
    }

    /**
     * Handles one row of a catalog query.
     */
    @FunctionalInterface
    interface RowHandler {

        void handle(ResultSet rs) throws SQLException;

    }

    /**
     * The columns of each multi-column object (an index, a key), in the order their rows come, by table and name.
     */
    static final class Grouped {

        private final Map<List<String>, Group> groups = new LinkedHashMap<>();

        /**
         * Adds a column to an object, made on its first column.
         * @param table the table
         * @param name the object's name
         * @param column the column
         * @return the object
         */
        Group add(String table, String name, String column) {
            Group group = this.groups.computeIfAbsent(List.of(table, name), (key) -> new Group(table, name));
            group.columns.add(column);
            return group;
        }

        Iterable<Group> groups() {
            return this.groups.values();
        }

    }

    /**
     * One multi-column object: its columns, and what the rows say of it (unique, what it references).
     */
    static final class Group {

        final String table;

        final String name;

        final List<String> columns = new ArrayList<>();

        final List<String> referencedColumns = new ArrayList<>();

        boolean unique;

        @Nullable String referencedTable;

        @Nullable String onDelete;

        Group(String table, String name) {
            this.table = table;
            this.name = name;
        }

        void addIndexTo(SchemaSnapshot.Builder snapshot) {
            snapshot.index(this.table, this.name, this.columns, this.unique);
        }

        void addForeignKeyTo(SchemaSnapshot.Builder snapshot) {
            snapshot.foreignKey(this.table, this.columns, (this.referencedTable != null) ? this.referencedTable : "?",
                    this.referencedColumns, (this.onDelete != null) ? this.onDelete : "NO ACTION");
        }

    }

}
