package dev.cairn.benchmarks.contender;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The floor every tool is compared with: plain JDBC on one connection, a history table like Cairn's, and for each
 * pending migration one transaction that runs its statements, inserts its history row and commits. When other
 * processes migrate at the same time it holds a PostgreSQL advisory lock, the least a correct tool must do. The
 * migrations are the {@link Workload}'s, or the DDL of the {@link SchemaMix}.
 */
final class RawJdbcContender implements Contender {

    static final String CREATE_HISTORY = "CREATE TABLE IF NOT EXISTS bench_history (version BIGINT NOT NULL"
            + " PRIMARY KEY, description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, checksum INTEGER,"
            + " installed_on TIMESTAMP NOT NULL, installed_by VARCHAR(100) NOT NULL, execution_time INTEGER NOT NULL,"
            + " success BOOLEAN NOT NULL)";

    private static final String INSERT_HISTORY = "INSERT INTO bench_history (version, description, type, checksum,"
            + " installed_on, installed_by, execution_time, success) VALUES (?, ?, 'JAVA', ?, CURRENT_TIMESTAMP,"
            + " ?, ?, ?)";

    private static final long LOCK_KEY = 7_317_001L;

    private final int size;

    private final boolean schemaMix;

    private final boolean concurrent;

    private final boolean checksums;

    RawJdbcContender(Workload workload, boolean concurrent) {
        this(workload.size(), false, concurrent, false);
    }

    private RawJdbcContender(int size, boolean schemaMix, boolean concurrent, boolean checksums) {
        this.size = size;
        this.schemaMix = schemaMix;
        this.concurrent = concurrent;
        this.checksums = checksums;
    }

    /**
     * Raw JDBC applying the DDL of the schema migrations, one transaction with its history row each.
     * @param mix the migrations
     * @param checksums whether each history row records the CRC-32 of the migration's statements, and a warm start
     * builds every migration's statements and compares them with it, as the SQL scripts' floor checksums its
     * scripts: the least a tool that detects an edited migration must do
     * @return the contender
     */
    static Contender schema(SchemaMix mix, boolean checksums) {
        return new RawJdbcContender(mix.size(), true, false, checksums);
    }

    @Override
    public void migrate(DataSource dataSource) throws SQLException {
        if (!this.concurrent) {
            apply(dataSource);
            return;
        }
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            execute(lock, "SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            try {
                apply(dataSource);
            }
            finally {
                execute(lock, "SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        }
    }

    private void apply(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            execute(connection, CREATE_HISTORY);
            Map<Long, Recorded> applied = applied(connection);
            String user = connection.getMetaData().getUserName();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                    PreparedStatement insert = connection.prepareStatement(INSERT_HISTORY)) {
                for (int version = 1; version <= this.size; version++) {
                    String description = this.schemaMix ? SchemaMix.description(version)
                            : Workload.description(version);
                    Recorded recorded = applied.get((long) version);
                    if (recorded != null) {
                        if (!recorded.description().equals(description)) {
                            throw new IllegalStateException("Migration " + version + " was recorded as "
                                    + recorded.description());
                        }
                        if (this.checksums && !Objects.equals(recorded.checksum(),
                                checksum(SchemaMix.statements(version)))) {
                            throw new IllegalStateException("Migration " + version + " was changed");
                        }
                        continue;
                    }
                    long start = System.nanoTime();
                    List<String> statements = this.schemaMix ? SchemaMix.statements(version)
                            : Workload.statements(version);
                    for (String sql : statements) {
                        statement.execute(sql);
                    }
                    insert.setLong(1, version);
                    insert.setString(2, description);
                    if (this.checksums) {
                        insert.setInt(3, checksum(statements));
                    }
                    else {
                        insert.setNull(3, Types.INTEGER);
                    }
                    insert.setString(4, (user != null) ? user : "bench");
                    insert.setInt(5, (int) ((System.nanoTime() - start) / 1_000_000));
                    insert.setBoolean(6, true);
                    insert.executeUpdate();
                    connection.commit();
                }
            }
            catch (SQLException | RuntimeException ex) {
                connection.rollback();
                throw ex;
            }
            finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static Map<Long, Recorded> applied(Connection connection) throws SQLException {
        Map<Long, Recorded> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT version, description, success, checksum FROM bench_history ORDER BY version")) {
            while (rs.next()) {
                if (!rs.getBoolean(3)) {
                    throw new IllegalStateException("Migration " + rs.getLong(1) + " failed earlier");
                }
                int checksum = rs.getInt(4);
                applied.put(rs.getLong(1), new Recorded(rs.getString(2), rs.wasNull() ? null : checksum));
            }
        }
        return applied;
    }

    private static int checksum(List<String> statements) {
        CRC32 crc = new CRC32();
        for (String sql : statements) {
            crc.update(sql.getBytes(StandardCharsets.UTF_8));
            crc.update('\n');
        }
        return (int) crc.getValue();
    }

    private record Recorded(String description, @Nullable Integer checksum) {
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

}
