package dev.cairn.benchmarks.contender;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

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
            + " installed_on, installed_by, execution_time, success) VALUES (?, ?, 'JAVA', NULL, CURRENT_TIMESTAMP,"
            + " ?, ?, ?)";

    private static final long LOCK_KEY = 7_317_001L;

    private final int size;

    private final boolean schemaMix;

    private final boolean concurrent;

    RawJdbcContender(Workload workload, boolean concurrent) {
        this(workload.size(), false, concurrent);
    }

    private RawJdbcContender(int size, boolean schemaMix, boolean concurrent) {
        this.size = size;
        this.schemaMix = schemaMix;
        this.concurrent = concurrent;
    }

    /**
     * Raw JDBC applying the DDL of the schema migrations, one transaction with its history row each.
     * @param mix the migrations
     * @return the contender
     */
    static Contender schema(SchemaMix mix) {
        return new RawJdbcContender(mix.size(), true, false);
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
            Map<Long, String> applied = applied(connection);
            String user = connection.getMetaData().getUserName();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                    PreparedStatement insert = connection.prepareStatement(INSERT_HISTORY)) {
                for (int version = 1; version <= this.size; version++) {
                    String description = this.schemaMix ? SchemaMix.description(version)
                            : Workload.description(version);
                    String recorded = applied.get((long) version);
                    if (recorded != null) {
                        if (!recorded.equals(description)) {
                            throw new IllegalStateException("Migration " + version + " was recorded as " + recorded);
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
                    insert.setString(3, (user != null) ? user : "bench");
                    insert.setInt(4, (int) ((System.nanoTime() - start) / 1_000_000));
                    insert.setBoolean(5, true);
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

    private static Map<Long, String> applied(Connection connection) throws SQLException {
        Map<Long, String> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT version, description, success FROM bench_history ORDER BY version")) {
            while (rs.next()) {
                if (!rs.getBoolean(3)) {
                    throw new IllegalStateException("Migration " + rs.getLong(1) + " failed earlier");
                }
                applied.put(rs.getLong(1), rs.getString(2));
            }
        }
        return applied;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

}
