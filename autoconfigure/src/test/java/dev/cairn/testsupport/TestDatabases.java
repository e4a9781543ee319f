package dev.cairn.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where the tests find their databases: SQLite files in a temporary directory, and PostgreSQL and MariaDB servers
 * named by {@code CAIRN_TEST_POSTGRES_URL} and {@code CAIRN_TEST_MARIADB_URL} (with {@code _USERNAME} and
 * {@code _PASSWORD}), or started by Testcontainers where Docker runs. With neither, a test that needs the server is
 * skipped and says why.
 */
public final class TestDatabases {

    private static final Pattern MARIADB_URL = Pattern.compile("(jdbc:(?:mariadb|mysql)://[^/?]+/)([^?]*)(.*)");

    private static JdbcDatabaseContainer<?> postgresContainer;

    private static JdbcDatabaseContainer<?> mariadbContainer;

    private TestDatabases() {
    }

    public static TestDatabase sqlite(Path directory) {
        Path file = directory.resolve("cairn-" + UUID.randomUUID().toString().substring(0, 8) + ".db");
        return new TestDatabase("SQLite", "jdbc:sqlite:" + file + "?busy_timeout=30000", "", "", () -> {
        });
    }

    /**
     * An SQLite file whose connections enforce foreign keys, as Cairn's auto-configured SQLite data source does.
     * @param directory where the file goes
     * @return the database
     */
    public static TestDatabase sqliteWithForeignKeys(Path directory) {
        Path file = directory.resolve("cairn-" + UUID.randomUUID().toString().substring(0, 8) + ".db");
        return new TestDatabase("SQLite", "jdbc:sqlite:" + file + "?busy_timeout=30000&foreign_keys=true", "", "",
                () -> {
                });
    }

    /**
     * An SQLite file opened as Cairn's auto-configured SQLite data source opens it: write-ahead log, so that readers
     * never wait for a writer, a busy timeout in which writers retry every half millisecond, and write transactions
     * that take the write lock when they begin.
     * @param directory where the file goes
     * @return the database
     */
    public static TestDatabase sqliteAsConfigured(Path directory) {
        Path file = directory.resolve("cairn-" + UUID.randomUUID().toString().substring(0, 8) + ".db");
        return new TestDatabase("SQLite", "jdbc:sqlite:" + file + "?journal_mode=WAL&busy_timeout=30000"
                + "&transaction_mode=IMMEDIATE", "", "", () -> {
                }, true);
    }

    public static TestDatabase h2(Path directory) {
        Path file = directory.resolve("cairn-" + UUID.randomUUID().toString().substring(0, 8));
        return new TestDatabase("H2", "jdbc:h2:file:" + file + ";LOCK_TIMEOUT=30000", "sa", "", () -> {
        });
    }

    public static TestDatabase postgres() {
        Server server = server("POSTGRES", "postgres", () -> {
            if (postgresContainer == null) {
                postgresContainer = new PostgreSQLContainer("postgres:16-alpine");
                postgresContainer.start();
            }
            return postgresContainer;
        });
        String schema = uniqueName();
        execute(server, "CREATE SCHEMA " + schema);
        // The application name tells this test's sessions apart from others on a shared server.
        String url = server.url + (server.url.contains("?") ? "&" : "?") + "currentSchema=" + schema
                + "&ApplicationName=" + schema;
        return new TestDatabase("PostgreSQL", url, server.username, server.password,
                () -> execute(server, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }

    public static TestDatabase mariadb() {
        return mysqlFamily("MariaDB", server("MARIADB", "root", () -> {
            if (mariadbContainer == null) {
                mariadbContainer = new MariaDBContainer("mariadb:11");
                mariadbContainer.start();
            }
            return mariadbContainer;
        }));
    }

    /**
     * A MySQL server named by {@code CAIRN_TEST_MYSQL_URL} (a {@code jdbc:mariadb:} URL, or {@code jdbc:mysql:}
     * with {@code permitMysqlScheme}), spoken to through the MariaDB driver.
     * @return the database
     */
    public static TestDatabase mysql() {
        return mysqlFamily("MySQL", server("MYSQL", "root", null));
    }

    private static TestDatabase mysqlFamily(String kind, Server server) {
        String database = uniqueName();
        execute(server, "CREATE DATABASE " + database);
        Matcher matcher = MARIADB_URL.matcher(server.url);
        if (!matcher.matches()) {
            throw new IllegalStateException("Cannot tell the database in " + server.url
                    + "; use the form jdbc:mariadb://host:port/database");
        }
        String url = matcher.group(1) + database + matcher.group(3);
        return new TestDatabase(kind, url, server.username, server.password,
                () -> execute(server, "DROP DATABASE IF EXISTS " + database));
    }

    private static Server server(String name, String defaultUser, ContainerStarter starter) {
        String url = System.getenv("CAIRN_TEST_" + name + "_URL");
        if (url != null && !url.isBlank()) {
            String username = System.getenv().getOrDefault("CAIRN_TEST_" + name + "_USERNAME", defaultUser);
            String password = System.getenv().getOrDefault("CAIRN_TEST_" + name + "_PASSWORD", "");
            return new Server(url, username, password);
        }
        if (starter != null && DockerClientFactory.instance().isDockerAvailable()) {
            JdbcDatabaseContainer<?> container = starter.start();
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        String reason = "Skipped: no " + name.toLowerCase(Locale.ROOT) + " server. Set CAIRN_TEST_" + name
                + "_URL (and _USERNAME, _PASSWORD)" + ((starter != null) ? " or run Docker for Testcontainers." : ".");
        System.err.println(reason);
        Assumptions.abort(reason);
        throw new IllegalStateException(reason);
    }

    private static void execute(Server server, String sql) {
        try (Connection connection = DriverManager.getConnection(server.url, server.username, server.password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + server.url, ex);
        }
    }

    private static String uniqueName() {
        return "cairn_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private record Server(String url, String username, String password) {
    }

    @FunctionalInterface
    private interface ContainerStarter {

        JdbcDatabaseContainer<?> start();

    }

}
