package dev.cairn.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Set;

import dev.cairn.Version;
import dev.cairn.core.schema.SchemaSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * The table that keeps the schema's signature: one row with the snapshot of the schema Cairn left after its last
 * run, its hash, the version it was taken at and when, and the digest of the declared schema and schema migrations
 * that run checked to agree (so that a start with the same ones need not fold them again). It is named after the
 * history table, with {@code _signature}, and created on first write, which is always made under the migration lock.
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
            return read(connection);
        }
    }

    /**
     * The digest of the declared schema and schema migrations that the last recording run checked to agree, read
     * at every start that has a declared schema: {@code null} when the table is missing or holds none.
     * @return the digest
     */
    public @Nullable Long readDeclared() {
        try (Connection connection = this.database.dataSource().getConnection()) {
            // Where a failed statement is logged by the server, asked first; elsewhere the query tells.
            if (this.database.dialect().logsFailedStatements() && !this.name.exists(connection)) {
                return null;
            }
            Recorded recorded = read(connection);
            return (recorded != null) ? recorded.declared() : null;
        }
        catch (SQLException | RuntimeException ex) {
            // Missing, or unreadable: the declared schema is then checked again, which is never wrong.
            return null;
        }
    }

    private @Nullable Recorded read(Connection connection) throws SQLException {
        try {
            return read(connection, true);
        }
        catch (SQLException ex) {
            if (!hasDeclaredColumn(connection)) {
                // A table written before it kept the digest: read as it is, and replaced by the next write.
                return read(connection, false);
            }
            throw ex;
        }
    }

    private @Nullable Recorded read(Connection connection, boolean withDeclared) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT hash, version, recorded_on"
                        + (withDeclared ? ", declared" : "") + " FROM " + this.name.qualified())) {
            if (!rs.next()) {
                return null;
            }
            long declared = withDeclared ? rs.getLong(4) : 0;
            return new Recorded(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                    (!withDeclared || rs.wasNull()) ? null : declared);
        }
    }

    private boolean hasDeclaredColumn(Connection connection) throws SQLException {
        Set<String> columns = this.name.columns(connection);
        return columns.isEmpty() || columns.contains("declared");
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
     * Replaces the recorded signature, in one transaction, creating the table when it is missing (and again when it
     * was created before it kept the digest of the declared schema).
     * @param snapshot the schema as it is now
     * @param version the current version, or {@code null}
     * @param declared the digest of the declared schema and schema migrations this run checked to agree, or
     * {@code null} when there is none
     * @throws SQLException when it cannot be written
     */
    public void write(SchemaSnapshot snapshot, @Nullable Version version, @Nullable Long declared)
            throws SQLException {
        try (Connection connection = this.database.dataSource().getConnection()) {
            if (!this.name.exists(connection)) {
                create(connection);
            }
            try {
                replace(connection, snapshot, version, declared);
            }
            catch (SQLException ex) {
                if (hasDeclaredColumn(connection)) {
                    throw ex;
                }
                // Created before it kept the digest: made again, as the one row it holds is replaced anyway. Asked
                // only after a failed write, so that every other run writes without reading the catalog.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP TABLE " + this.name.qualified());
                }
                create(connection);
                replace(connection, snapshot, version, declared);
            }
        }
    }

    private void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + this.name.qualified() + " (hash VARCHAR(64) NOT NULL, snapshot "
                    + this.database.dialect().largeTextType() + " NOT NULL, version VARCHAR(50),"
                    + " recorded_on BIGINT NOT NULL, declared BIGINT)");
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private void replace(Connection connection, SchemaSnapshot snapshot, @Nullable Version version,
            @Nullable Long declared) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement delete = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + this.name.qualified()
                        + " (hash, snapshot, version, recorded_on, declared) VALUES (?, ?, ?, ?, ?)")) {
            delete.executeUpdate("DELETE FROM " + this.name.qualified());
            insert.setString(1, snapshot.hash());
            insert.setString(2, snapshot.text());
            insert.setString(3, (version != null) ? version.toString() : null);
            insert.setLong(4, System.currentTimeMillis());
            if (declared != null) {
                insert.setLong(5, declared);
            }
            else {
                insert.setNull(5, Types.BIGINT);
            }
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

    /**
     * A recorded signature.
     *
     * @param hash the checksum of the snapshot's text
     * @param version the version it was taken at, or {@code null}
     * @param recordedOn when it was taken
     * @param declared the digest of the declared schema and schema migrations that run checked, or {@code null}
     */
    public record Recorded(String hash, @Nullable String version, Instant recordedOn, @Nullable Long declared) {

    }

}
