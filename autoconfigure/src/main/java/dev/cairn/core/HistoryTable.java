package dev.cairn.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import dev.cairn.Version;
import dev.cairn.dialect.Dialect;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;

/**
 * The table that records every applied migration, one row each in the order they were written. A migration's row is
 * written in its own transaction where the database can roll its changes back; elsewhere it is written before the
 * migration runs and completed afterwards, so that a crash leaves a record.
 */
public final class HistoryTable {

    /** The columns of the layout before Cairn recorded whether a migration was additive. */
    static final String COLUMNS_BEFORE_POLICY = "installed_rank, version, description, type, script, checksum,"
            + " installed_on, installed_by, execution_time, success, installed_from";

    static final String COLUMNS = COLUMNS_BEFORE_POLICY + ", additive, breaking_reason";

    /**
     * What planning needs of every row; the description and the type only where planning uses them (repeatable and
     * unfinished migrations, baselines), so that a start reads as little text as it can.
     */
    private static final String PLANNING_COLUMNS = "checksum, CASE WHEN type = '" + AppliedMigration.BASELINE
            + "' THEN 2 WHEN type = '" + AppliedMigration.SCHEMA_CREATION + "' THEN 3 WHEN success THEN 1 WHEN"
            + " execution_time IS NULL THEN -1 ELSE 0 END, description, version, additive";

    private static final int[] INSERT_TYPES = { Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.INTEGER, SqlTypeValue.TYPE_UNKNOWN, Types.VARCHAR, Types.BIGINT, Types.BOOLEAN,
            Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR };

    private final DataSource dataSource;

    private @Nullable JdbcTemplate jdbc;

    private final Dialect dialect;

    private final TableName name;

    private final String insertSql;

    private final boolean databaseClock;

    private final String planningSql;

    /**
     * The history table of one database.
     * @param dataSource where to read and write it
     * @param dialect the database's dialect
     * @param name the table's name and where it lives
     */
    public HistoryTable(DataSource dataSource, Dialect dialect, TableName name) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.name = name;
        String now = dialect.currentTimestamp();
        this.databaseClock = now != null;
        this.insertSql = "INSERT INTO " + name.qualified() + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, "
                + (this.databaseClock ? now : "?") + ", ?, ?, ?, ?, ?, ?)";
        String wholeNumber = dialect.isWholeNumber("version");
        // The version as a number where it is one (-1 to read the text, -2 for none), the text otherwise.
        String number = (wholeNumber != null) ? "CASE WHEN version IS NULL THEN -2 WHEN " + wholeNumber
                + " THEN CAST(version AS " + dialect.bigintType() + ") ELSE -1 END" : "-1";
        this.planningSql = "SELECT " + number + ", " + PLANNING_COLUMNS + " FROM " + name.qualified()
                + " ORDER BY installed_rank";
    }

    /**
     * The template for everything but the planning read, made on first use so that a start with nothing pending
     * does not load it.
     * @return the template
     */
    synchronized JdbcTemplate jdbc() {
        if (this.jdbc == null) {
            this.jdbc = new JdbcTemplate(this.dataSource);
        }
        return this.jdbc;
    }

    public TableName name() {
        return this.name;
    }

    Dialect dialect() {
        return this.dialect;
    }

    /**
     * Reads what planning a migrate needs of every row, in the order they were written, or {@code null} when it
     * cannot be read: the table is missing or has an older layout, or something else fails that
     * {@link #readForPlanning()} under the lock will report. This is the one query a start with nothing pending
     * makes, so it is plain JDBC on a connection of its own: no template or exception translation to load, and no
     * caller's transaction to abort when the table is missing.
     * @return the rows, or {@code null}
     */
    public @Nullable List<AppliedMigration> readForPlanningIfExists() {
        try (Connection connection = this.dataSource.getConnection()) {
            if (this.dialect.logsFailedStatements() && !this.name.exists(connection)) {
                return null;
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(this.planningSql)) {
                return readPlanningRows(rs);
            }
        }
        catch (SQLException | RuntimeException ex) {
            return null;
        }
    }

    /**
     * Reads what planning a migrate needs of every row, in the order they were written.
     * @return the rows
     */
    public List<AppliedMigration> readForPlanning() {
        return jdbc().query(this.planningSql, HistoryTable::readPlanningRows);
    }

    private static List<AppliedMigration> readPlanningRows(ResultSet rs) throws SQLException {
        List<AppliedMigration> rows = new ArrayList<>();
        while (rs.next()) {
            long number = rs.getLong(1);
            Version version = (number >= 0) ? Version.of(number) : null;
            if (number == -1) {
                String text = rs.getString(5);
                version = (text != null) ? Version.parse(text) : null;
            }
            int checksum = rs.getInt(2);
            Integer declared = rs.wasNull() ? null : checksum;
            // One column for what planning tells apart: 1 applied, 2 a baseline, 3 Flyway's schema creation, 0 failed,
            // -1 started and never finished. The description is read only where planning uses it.
            int state = rs.getInt(3);
            String type = (state == 2) ? AppliedMigration.BASELINE
                    : (state == 3) ? AppliedMigration.SCHEMA_CREATION : null;
            String description = (version == null || state <= 0) ? rs.getString(4) : null;
            boolean additive = rs.getBoolean(6);
            rows.add(new AppliedMigration(rows.size() + 1, version, description, type, null, declared, null, null,
                    (state < 0) ? null : 0L, state > 0, null, rs.wasNull() ? null : additive, null));
        }
        return rows;
    }

    /**
     * Reads every row in the order they were written, or {@code null} when the table does not exist yet. A table
     * of an older layout is read as it is, so that the status can be reported before it is upgraded.
     * @return the rows, or {@code null}
     */
    public @Nullable List<AppliedMigration> readIfExists() {
        if (this.dialect.logsFailedStatements()) {
            return readByLayout();
        }
        try {
            return read();
        }
        catch (DataAccessException ex) {
            // Missing, created meanwhile by another instance, of an older layout, or failing for a reason that
            // reading again will show.
            return readByLayout();
        }
    }

    private @Nullable List<AppliedMigration> readByLayout() {
        return switch (checkNotForeign()) {
            case MISSING -> null;
            case CAIRN_0_1 -> HistoryLayout.readCairn01(this);
            case BEFORE_POLICY -> readBeforePolicy();
            default -> read();
        };
    }

    /**
     * Makes sure the table, if it exists, is a history table, before anything is created beside it.
     * @return its layout
     * @throws dev.cairn.MigrationException when {@code cairn.table} names another table
     */
    HistoryLayout checkNotForeign() {
        java.util.Set<String> columns = jdbc().execute((Connection connection) -> this.name.columns(connection));
        HistoryLayout layout = HistoryLayout.of((columns != null) ? columns : java.util.Set.of());
        if (layout == HistoryLayout.FOREIGN) {
            throw HistoryLayout.foreign(this.name, columns);
        }
        return layout;
    }

    /**
     * Reads every row in the order they were written.
     * @return the rows
     */
    public List<AppliedMigration> read() {
        return read(COLUMNS);
    }

    /**
     * Reads every row of a table of the layout before Cairn recorded whether a migration was additive.
     * @return the rows, whose additivity is unknown
     */
    List<AppliedMigration> readBeforePolicy() {
        return read(COLUMNS_BEFORE_POLICY + ", NULL, NULL");
    }

    private List<AppliedMigration> read(String columns) {
        return sorted(jdbc().query("SELECT " + columns + " FROM " + this.name.qualified(), (rs, row) -> {
            String version = rs.getString(2);
            int checksum = rs.getInt(6);
            Integer declared = rs.wasNull() ? null : checksum;
            long executionTime = rs.getLong(9);
            Long took = rs.wasNull() ? null : executionTime;
            boolean additive = rs.getBoolean(12);
            Boolean known = rs.wasNull() ? null : additive;
            return new AppliedMigration(rs.getInt(1), (version != null) ? Version.parse(version) : null,
                    rs.getString(3), rs.getString(4), rs.getString(5), declared,
                    this.dialect.readTimestamp(rs, "installed_on"), rs.getString(8), took, rs.getBoolean(10),
                    rs.getString(11), known, rs.getString(13));
        }));
    }

    private static List<AppliedMigration> sorted(List<AppliedMigration> rows) {
        rows.sort(Comparator.comparingInt(AppliedMigration::installedRank));
        return rows;
    }

    /**
     * The rank the next row gets: one above the highest written.
     * @return the rank
     */
    public int nextRank() {
        // Read by hand rather than as queryForObject(sql, Integer.class), whose row mapper would set up Spring's
        // shared conversion service: about 25 ms of a fresh JVM's start, for one number.
        Integer next = jdbc().query("SELECT MAX(installed_rank) FROM " + this.name.qualified(),
                (rs) -> rs.next() ? rs.getInt(1) + 1 : 1);
        return (next != null) ? next : 1;
    }

    /**
     * Records a migration, in the caller's transaction when there is one. Where the dialect has a
     * {@linkplain Dialect#currentTimestamp() database clock}, {@code installed_on} is the database's time rather
     * than the row's.
     * @param row the row
     */
    public void insert(AppliedMigration row) {
        String version = (row.version() != null) ? row.version().toString() : null;
        Object installedOn = (this.databaseClock) ? null : this.dialect
            .timestamp((row.installedOn() != null) ? row.installedOn() : java.time.Instant.now());
        // Bound by hand with each column's type, rather than through JdbcTemplate's generic value setter: this runs
        // once per migration, and the setter is large enough that compiling it is a cost of its own at start-up. A
        // null is bound with its type, as an untyped null makes some drivers describe the statement first.
        jdbc().update(this.insertSql, (ps) -> {
            int index = 1;
            ps.setInt(index++, row.installedRank());
            setString(ps, index++, version);
            ps.setString(index++, row.description());
            setString(ps, index++, row.type());
            setString(ps, index++, row.script());
            if (row.checksum() != null) {
                ps.setInt(index++, row.checksum());
            }
            else {
                ps.setNull(index++, Types.INTEGER);
            }
            if (installedOn != null) {
                ps.setObject(index++, installedOn);
            }
            setString(ps, index++, row.installedBy());
            if (row.executionTime() != null) {
                ps.setLong(index++, row.executionTime());
            }
            else {
                ps.setNull(index++, Types.BIGINT);
            }
            ps.setBoolean(index++, row.success());
            setString(ps, index++, row.installedFrom());
            if (row.additive() != null) {
                ps.setBoolean(index++, row.additive());
            }
            else {
                ps.setNull(index++, Types.BOOLEAN);
            }
            setString(ps, index, row.breakingReason());
        });
    }

    private static void setString(PreparedStatement ps, int index, @Nullable String value) throws SQLException {
        if (value != null) {
            ps.setString(index, value);
        }
        else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    /**
     * Writes rows as they are, {@code installed_on} included: rows carried over from an older layout or imported
     * from Flyway.
     * @param rows the rows
     */
    public void insertAll(List<AppliedMigration> rows) {
        List<Object[]> values = new ArrayList<>(rows.size());
        for (AppliedMigration row : rows) {
            values.add(new Object[] { row.installedRank(), (row.version() != null) ? row.version().toString() : null,
                    row.description(), row.type(), row.script(), row.checksum(),
                    this.dialect.timestamp((row.installedOn() != null) ? row.installedOn() : java.time.Instant.now()),
                    row.installedBy(), row.executionTime(), row.success(), row.installedFrom(), row.additive(),
                    row.breakingReason() });
        }
        jdbc().batchUpdate("INSERT INTO " + this.name.qualified() + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values, INSERT_TYPES);
    }

    /**
     * The statement that creates a history table.
     * @param table the table
     * @return the statement
     */
    String createStatement(TableName table) {
        Dialect d = this.dialect;
        return "CREATE TABLE IF NOT EXISTS " + table.qualified() + " (installed_rank INTEGER NOT NULL PRIMARY KEY,"
                + " version " + d.varcharType(50) + ", description " + d.varcharType(200) + " NOT NULL, type "
                + d.varcharType(20) + " NOT NULL, script " + d.varcharType(1000) + ", checksum INTEGER,"
                + " installed_on " + d.timestampType() + " NOT NULL, installed_by " + d.varcharType(100)
                + " NOT NULL, execution_time INTEGER, success " + d.booleanType() + " NOT NULL, installed_from "
                + d.varcharType(200) + ", " + String.join(", ", policyColumns()) + ")";
    }

    /**
     * The definitions of the columns that record whether a migration was additive, and why it broke older versions
     * on purpose; a table of the layout before them gets them added in place.
     * @return {@code additive} and {@code breaking_reason}
     */
    List<String> policyColumns() {
        return List.of("additive " + this.dialect.booleanType(), "breaking_reason " + this.dialect.varcharType(500));
    }

    /**
     * Completes the row of a migration that was recorded before it ran.
     * @param rank the row's rank
     * @param executionTime how long it took
     * @param success whether it succeeded
     */
    public void complete(int rank, long executionTime, boolean success) {
        jdbc().update("UPDATE " + this.name.qualified() + " SET execution_time = ?, success = ? WHERE installed_rank = ?",
                executionTime, success, rank);
    }

    /**
     * Marks an applied migration as started again, before its {@code down} runs where a failure may leave changes
     * behind, so that a crash leaves a record.
     * @param rank the row's rank
     * @param installedFrom the host and process reverting it
     */
    public void markStarted(int rank, String installedFrom) {
        jdbc().update("UPDATE " + this.name.qualified() + " SET execution_time = NULL, success = ?, installed_from = ?"
                + " WHERE installed_rank = ?", false, installedFrom, rank);
    }

    public void delete(int rank) {
        jdbc().update("DELETE FROM " + this.name.qualified() + " WHERE installed_rank = ?", rank);
    }

    /**
     * Removes the rows of failed and interrupted migrations.
     * @return how many were removed
     */
    public int deleteFailed() {
        return jdbc().update("DELETE FROM " + this.name.qualified() + " WHERE success = ?", false);
    }

}
