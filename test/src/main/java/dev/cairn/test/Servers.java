package dev.cairn.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Reaching database servers for {@link TestDatabaseFactory}: skipping when they cannot be reached, and the few
 * statements that make and drop a database on them.
 */
final class Servers {

    private static final Pattern DATABASE_URL = Pattern.compile("(jdbc:(?:mariadb|mysql)://[^/?]+/)([^?]*)(.*)");

    private Servers() {
    }

    /**
     * A server's data source, after connecting to it once.
     * @param kind what it is, for messages
     * @param url its URL, or {@code null} when none was given
     * @return the data source
     * @throws org.opentest4j.TestAbortedException to skip the test when there is no URL or no server
     * @throws IllegalStateException when no driver on the classpath takes the URL
     */
    static DataSource reach(String kind, @Nullable String url, String username, String password) {
        if (url == null || url.isBlank()) {
            skip("Skipped: no " + kind + " URL was given to TestDatabaseFactory, so the " + kind + " checks did not"
                    + " run.");
        }
        try {
            DriverManager.getDriver(url);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("No JDBC driver on the classpath takes " + url + ": add the " + kind
                    + " driver to the test dependencies", ex);
        }
        DataSource server = new DriverManagerDataSource(url, username, password);
        try (Connection connection = server.getConnection()) {
            return server;
        }
        catch (SQLException ex) {
            skip("Skipped: cannot reach " + kind + " at " + url + " as " + username + " (" + ex.getMessage()
                    + "), so the " + kind + " checks did not run.");
            throw new IllegalStateException(ex);
        }
    }

    private static void skip(String reason) {
        System.err.println(reason);
        Assumptions.abort(reason);
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not run '" + sql + "': " + ex.getMessage(), ex);
        }
    }

    /**
     * The URL of another database on the same MariaDB or MySQL server.
     */
    static String withDatabase(String url, String database) {
        Matcher matcher = DATABASE_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Cannot tell the database in " + url
                    + "; use the form jdbc:mariadb://host:port/database");
        }
        return matcher.group(1) + database + matcher.group(3);
    }

    /**
     * A name no other test database has, usable unquoted on every database.
     */
    static String uniqueName() {
        return "cairn_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }

}
