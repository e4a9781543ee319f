package dev.cairn.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import dev.cairn.Version;
import dev.cairn.core.schema.SchemaSnapshot;
import dev.cairn.dialect.Dialect;
import org.jspecify.annotations.Nullable;

/**
 * The table that keeps the schema's signature: one row with the snapshot of the schema Cairn left after its last
 * run, its hash, the version it was taken at and when. It is named after the history table, with
 * {@code _signature}, and created on first write, which is always made under the migration lock.
 */
public final class SignatureTable {

    /** What the history table's name is followed by. */
    public static final String SUFFIX = "_signature";

    private final Database database;

    private final TableName name;

    public SignatureTable(Database database) {
        this.database = database;
        this.name = database.history().name().sibling(database.history().name().table() + SUFFIX);
    }

    public TableName name() {
        return this.name;
    }

    /**
     * The recorded signature without its snapshot, which is read only when the hash differs, or {@code null} when
     * none is recorded: the table is missing or empty.
     * @return the signature
     * @throws SQLException when the table exists but cannot be read
     */
    public @Nullable Recorded read() throws SQLException {
        try (Connection connection = this.database.dataSource().getConnection()) {
            if (!this.name.exists(connection)) {
                return null;
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT hash, version, recorded_on FROM "
                            + this.name.qualified())) {
                return rs.next() ? new Recorded(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)))
                        : null;
            }
        }
    }

    /**
     * The recorded snapshot's text.
     * @return the text, or {@code null} when none is recorded
     * @throws SQLException when it cannot be read
     */
    public @Nullable String readSnapshot() throws SQLException {
        try (Connection connection = this.database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT snapshot FROM " + this.name.qualified())) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * Replaces the recorded signature, in one transaction, creating the table when it is missing.
     * @param snapshot the schema as it is now
     * @param version the current version, or {@code null}
     * @throws SQLException when it cannot be written
     */
    public void write(SchemaSnapshot snapshot, @Nullable Version version) throws SQLException {
        Dialect dialect = this.database.dialect();
        try (Connection connection = this.database.dataSource().getConnection()) {
            if (!this.name.exists(connection)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE " + this.name.qualified() + " (hash VARCHAR(64) NOT NULL,"
                            + " snapshot " + dialect.largeTextType() + " NOT NULL, version VARCHAR(50),"
                            + " recorded_on BIGINT NOT NULL)");
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement delete = connection.createStatement();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO " + this.name.qualified()
                            + " (hash, snapshot, version, recorded_on) VALUES (?, ?, ?, ?)")) {
                delete.executeUpdate("DELETE FROM " + this.name.qualified());
                insert.setString(1, snapshot.hash());
                insert.setString(2, snapshot.text());
                insert.setString(3, (version != null) ? version.toString() : null);
                insert.setLong(4, System.currentTimeMillis());
                insert.executeUpdate();
                connection.commit();
            }
            catch (SQLException | RuntimeException ex) {
                connection.rollback();
                throw ex;
            }
            finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * A recorded signature.
     *
     * @param hash the checksum of the snapshot's text
     * @param version the version it was taken at, or {@code null}
     * @param recordedOn when it was taken
     */
    public record Recorded(String hash, @Nullable String version, Instant recordedOn) {

    }

}
