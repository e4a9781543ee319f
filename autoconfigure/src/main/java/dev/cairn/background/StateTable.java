package dev.cairn.background;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.cairn.BackgroundMigration;
import dev.cairn.BackgroundMigrationInfo;
import dev.cairn.BackgroundMigrationState;
import dev.cairn.MigrationException;
import dev.cairn.core.TableName;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The table that records each background migration's state, cursor and progress, one row per migration, so that
 * a restart resumes where the last committed batch stopped. Times are milliseconds since the epoch.
 */
public final class StateTable {

    private static final String COLUMNS = "id, description, state, cursor_value, rows_done, rows_estimate,"
            + " batch_size, batches, attempts, last_error, holder, started_at, updated_at, finished_at";

    /** The longest id. */
    static final int ID_LENGTH = 50;

    /** The longest cursor. */
    static final int CURSOR_LENGTH = 500;

    /** The longest error text kept; the rest is cut. */
    static final int ERROR_LENGTH = 2000;

    private final JdbcTemplate jdbc;

    private final TableName name;

    private volatile boolean ready;

    /**
     * A state table.
     * @param dataSource the data source
     * @param name where it lives
     */
    public StateTable(DataSource dataSource, TableName name) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.name = name;
    }

    public TableName name() {
        return this.name;
    }

    /**
     * Creates the table (and its schema) when missing.
     */
    public void create() {
        if (this.ready) {
            return;
        }
        String schema = this.name.schema();
        String createSchema = (schema != null) ? this.name.dialect().createSchema(schema) : null;
        if (createSchema != null) {
            try {
                this.jdbc.execute(createSchema);
            }
            catch (DataAccessException ex) {
                // Created by another instance at the same moment; if it really is missing, the next statement says so.
            }
        }
        this.jdbc.execute("CREATE TABLE IF NOT EXISTS " + this.name.qualified()
                + " (id VARCHAR(" + ID_LENGTH + ") NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL,"
                + " state VARCHAR(10) NOT NULL, cursor_value VARCHAR(" + CURSOR_LENGTH + "),"
                + " rows_done BIGINT NOT NULL, rows_estimate BIGINT, batch_size INTEGER NOT NULL,"
                + " batches BIGINT NOT NULL, attempts INTEGER NOT NULL, last_error VARCHAR(" + ERROR_LENGTH + "),"
                + " holder VARCHAR(200), started_at BIGINT, updated_at BIGINT, finished_at BIGINT)");
        this.ready = true;
    }

    /**
     * Makes the next {@link #create()} create the table again when missing, after it could not be used.
     */
    void forget() {
        this.ready = false;
    }

    /**
     * Whether the table exists, asked of the metadata so that no failing statement is logged.
     * @return whether it exists
     */
    public boolean exists() {
        if (this.ready) {
            return true;
        }
        Boolean exists = this.jdbc.execute((Connection connection) -> this.name.exists(connection));
        return Boolean.TRUE.equals(exists);
    }

    /**
     * Adds a QUEUED row for each migration that has none.
     * @param migrations the migrations
     * @param batchSize the first batch size
     */
    public void register(List<BackgroundMigration> migrations, int batchSize) {
        Set<String> known = read().stream().map(BackgroundMigrationInfo::id).collect(Collectors.toSet());
        for (BackgroundMigration migration : migrations) {
            if (!known.contains(migration.id())) {
                try {
                    this.jdbc.update("INSERT INTO " + this.name.qualified() + " (id, description, state, rows_done,"
                            + " batch_size, batches, attempts) VALUES (?, ?, ?, 0, ?, 0, 0)", migration.id(),
                            cut(migration.description(), 200), BackgroundMigrationState.QUEUED.name(), batchSize);
                }
                catch (DataAccessException ex) {
                    // Registered by another instance at the same moment.
                    if (read(migration.id()) == null) {
                        throw ex;
                    }
                }
            }
        }
    }

    /**
     * Every row, in no particular order.
     * @return the rows
     */
    public List<BackgroundMigrationInfo> read() {
        return this.jdbc.query("SELECT " + COLUMNS + " FROM " + this.name.qualified(), ROW);
    }

    /**
     * One migration's row.
     * @param id the id
     * @return the row, or {@code null}
     */
    public @Nullable BackgroundMigrationInfo read(String id) {
        List<BackgroundMigrationInfo> rows = this.jdbc.query("SELECT " + COLUMNS + " FROM " + this.name.qualified()
                + " WHERE id = ?", ROW, id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * Marks a QUEUED migration RUNNING with its estimate.
     * @param id the id
     * @param estimate the estimated rows, or {@code null}
     * @param holder the instance that runs it
     * @return whether it was QUEUED
     */
    boolean start(String id, @Nullable Long estimate, String holder) {
        long now = System.currentTimeMillis();
        return this.jdbc.update("UPDATE " + this.name.qualified() + " SET state = ?, rows_estimate = ?, holder = ?,"
                + " started_at = ?, updated_at = ? WHERE id = ? AND state = ?", BackgroundMigrationState.RUNNING.name(),
                estimate, cut(holder, 200), now, now, id, BackgroundMigrationState.QUEUED.name()) == 1;
    }

    /**
     * Records which instance runs a migration that it resumes.
     * @param id the id
     * @param holder the instance
     */
    void claim(String id, String holder) {
        this.jdbc.update("UPDATE " + this.name.qualified() + " SET holder = ? WHERE id = ?", cut(holder, 200), id);
    }

    /**
     * Records a batch in the batch's own transaction: its cursor, its rows and its size; FINISHED after
     * the last. Changes nothing unless the migration is still RUNNING at the batch the worker read, so a batch that
     * ran while the migration was paused, or after another worker moved it on, is rolled back.
     * @param connection the batch's connection
     * @param id the id
     * @param cursor the next cursor, {@code null} after the last batch
     * @param rows the rows the batch processed
     * @param batchSize the size of the batch, which the migration resumes with
     * @param batchesBefore the batches committed before this one, as the worker last read them
     * @return whether the migration was still RUNNING, at that batch
     * @throws SQLException when the database fails
     */
    boolean advance(Connection connection, String id, @Nullable String cursor, long rows, int batchSize,
            long batchesBefore) throws SQLException {
        if (cursor != null && cursor.length() > CURSOR_LENGTH) {
            throw new MigrationException("Background migration " + id + " returned a cursor of " + cursor.length()
                    + " characters; the state table keeps at most " + CURSOR_LENGTH,
                    "Return a shorter cursor, such as the last key of the batch.");
        }
        long now = System.currentTimeMillis();
        boolean finished = cursor == null;
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + this.name.qualified()
                + " SET cursor_value = ?, rows_done = rows_done + ?, batch_size = ?, batches = batches + 1,"
                + " attempts = 0, last_error = NULL, updated_at = ?, finished_at = ?, state = ?"
                + " WHERE id = ? AND state = ? AND batches = ?")) {
            update.setString(1, cursor);
            update.setLong(2, rows);
            update.setInt(3, batchSize);
            update.setLong(4, now);
            if (finished) {
                update.setLong(5, now);
            }
            else {
                update.setNull(5, java.sql.Types.BIGINT);
            }
            update.setString(6,
                    (finished ? BackgroundMigrationState.FINISHED : BackgroundMigrationState.RUNNING).name());
            update.setString(7, id);
            update.setString(8, BackgroundMigrationState.RUNNING.name());
            update.setLong(9, batchesBefore);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Records a failed attempt of a batch, and FAILED when it was the last allowed, keeping the cursor.
     * @param id the id
     * @param attempts the failed attempts so far
     * @param error the error
     * @param failed whether the migration stops
     * @param batchSize the batch size to retry with
     * @return whether it was still RUNNING
     */
    boolean attemptFailed(String id, int attempts, String error, boolean failed, int batchSize) {
        return this.jdbc.update("UPDATE " + this.name.qualified() + " SET attempts = ?, last_error = ?, batch_size = ?,"
                + " state = ?, updated_at = ? WHERE id = ? AND state = ?", attempts, cut(error, ERROR_LENGTH),
                batchSize, (failed ? BackgroundMigrationState.FAILED : BackgroundMigrationState.RUNNING).name(),
                System.currentTimeMillis(), id, BackgroundMigrationState.RUNNING.name()) == 1;
    }

    /**
     * Moves a migration from one of the given states to another.
     * @param id the id
     * @param to the new state
     * @param from the states it may be in
     * @return whether it was in one of them
     */
    public boolean move(String id, BackgroundMigrationState to, BackgroundMigrationState... from) {
        StringBuilder states = new StringBuilder();
        Object[] arguments = new Object[from.length + 2];
        arguments[0] = to.name();
        arguments[1] = id;
        for (int i = 0; i < from.length; i++) {
            states.append((i > 0) ? ", ?" : "?");
            arguments[i + 2] = from[i].name();
        }
        return this.jdbc.update("UPDATE " + this.name.qualified() + " SET state = ?, attempts = 0 WHERE id = ? AND"
                + " state IN (" + states + ")", arguments) == 1;
    }

    private static String cut(String text, int length) {
        return (text.length() <= length) ? text : text.substring(0, length - 3) + "...";
    }

    private static final RowMapper<BackgroundMigrationInfo> ROW = (rs, row) -> new BackgroundMigrationInfo(
            rs.getString("id"), rs.getString("description"),
            BackgroundMigrationState.valueOf(rs.getString("state").trim()), rs.getLong("rows_done"),
            nullableLong(rs, "rows_estimate"), rs.getString("cursor_value"), rs.getInt("batch_size"),
            rs.getLong("batches"), rs.getInt("attempts"), rs.getString("last_error"), rs.getString("holder"),
            instant(rs, "started_at"),
            instant(rs, "updated_at"), instant(rs, "finished_at"));

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Long millis = nullableLong(rs, column);
        return (millis != null) ? Instant.ofEpochMilli(millis) : null;
    }

}
