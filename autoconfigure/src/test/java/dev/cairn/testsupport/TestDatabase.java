package dev.cairn.testsupport;

import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.autoconfigure.SqliteTurnTaking;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real database of its own for one test: an SQLite file, or a fresh schema (PostgreSQL) or database (MariaDB) on
 * a server, dropped when closed.
 */
public final class TestDatabase implements AutoCloseable {

    private final String kind;

    private final String url;

    private final String username;

    private final String password;

    private final Runnable cleanup;

    private final boolean turnTaking;

    private HikariDataSource dataSource;

    TestDatabase(String kind, String url, String username, String password, Runnable cleanup) {
        this(kind, url, username, password, cleanup, false);
    }

    TestDatabase(String kind, String url, String username, String password, Runnable cleanup, boolean turnTaking) {
        this.turnTaking = turnTaking;
        this.kind = kind;
        this.url = url;
        this.username = username;
        this.password = password;
        this.cleanup = cleanup;
    }

    public String kind() {
        return this.kind;
    }

    public String url() {
        return this.url;
    }

    public String username() {
        return this.username;
    }

    public String password() {
        return this.password;
    }

    /**
     * A pooled data source for the database, created on first use and closed with it.
     * @return the data source
     */
    public synchronized DataSource dataSource() {
        if (this.dataSource == null) {
            this.dataSource = newDataSource(10);
        }
        return this.dataSource;
    }

    /**
     * A data source of its own, as another application instance would have; the caller closes it.
     * @param poolSize the pool's size
     * @return the data source
     */
    public HikariDataSource newDataSource(int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(this.url);
        dataSource.setUsername(this.username);
        dataSource.setPassword(this.password);
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName(this.kind + "-" + UUID.randomUUID().toString().substring(0, 4));
        if (this.turnTaking) {
            dataSource.setDataSource(new SqliteTurnTaking(this.url, 30_000));
        }
        return dataSource;
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource());
    }

    /**
     * SQLite's {@code PRAGMA user_version} of the database file.
     * @return the number
     */
    public int userVersion() {
        Integer version = jdbc().queryForObject("PRAGMA user_version", Integer.class);
        return (version != null) ? version : -1;
    }

    /**
     * Whether a table can be read, found by reading it, as the database resolves the name.
     * @param table the table's name
     * @return whether it exists
     */
    public boolean hasTable(String table) {
        try {
            jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
            return true;
        }
        catch (DataAccessException ex) {
            return false;
        }
    }

    /**
     * The statement that drops a schema of this database with everything in it: a database on MariaDB and MySQL.
     * @param schema the schema
     * @return the statement, or {@code null} where the database has no schemas (SQLite)
     */
    public String dropSchemaStatement(String schema) {
        return switch (this.kind) {
            case "PostgreSQL", "H2" -> "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
            case "MariaDB", "MySQL" -> "DROP DATABASE IF EXISTS " + schema;
            default -> null;
        };
    }

    /**
     * The Spring Boot properties that point an application at this database.
     * @return the properties as {@code key=value}
     */
    public String[] springProperties() {
        return new String[] { "spring.datasource.url=" + this.url, "spring.datasource.username=" + this.username,
                "spring.datasource.password=" + this.password };
    }

    @Override
    public synchronized void close() {
        if (this.dataSource != null) {
            this.dataSource.close();
            this.dataSource = null;
        }
        this.cleanup.run();
    }

    @Override
    public String toString() {
        return this.kind + " " + this.url;
    }

}
