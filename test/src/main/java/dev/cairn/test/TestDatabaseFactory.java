package dev.cairn.test;

import java.nio.file.Path;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Makes a fresh, empty database each time a check of {@link MigrationTestKit} needs one: an SQLite file, an H2
 * in-memory database, a schema of its own on a PostgreSQL server or a database of its own on a MariaDB or MySQL
 * server. A server that cannot be reached skips the test with the reason printed, rather than letting it pass.
 */
@FunctionalInterface
public interface TestDatabaseFactory {

    /**
     * A fresh, empty database.
     * @return the database, to be closed when done
     */
    TestDatabase create();

    /**
     * SQLite files in a directory, such as a JUnit {@code @TempDir}.
     * @param directory where the files go
     * @return the factory
     */
    static TestDatabaseFactory sqlite(Path directory) {
        return () -> {
            Path file = directory.resolve(Servers.uniqueName() + ".db");
            return new TestDatabase("SQLite file " + file,
                    new DriverManagerDataSource("jdbc:sqlite:" + file + "?busy_timeout=30000"), () -> {
                    });
        };
    }

    /**
     * H2 in-memory databases, each with a name of its own, removed when closed.
     * @return the factory
     */
    static TestDatabaseFactory h2() {
        return h2("");
    }

    /**
     * H2 in-memory databases with settings, such as {@code ;MODE=PostgreSQL}.
     * @param settings appended to each URL, starting with {@code ;}
     * @return the factory
     */
    static TestDatabaseFactory h2(String settings) {
        return () -> {
            String name = Servers.uniqueName();
            DataSource dataSource = new DriverManagerDataSource(
                    "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + settings, "sa", "");
            return new TestDatabase("H2 database " + name, dataSource,
                    () -> Servers.execute(dataSource, "SHUTDOWN"));
        };
    }

    /**
     * A schema of its own for each database on a PostgreSQL server, set as the connections' {@code currentSchema}
     * and dropped when closed. Without a URL, or when the server cannot be reached, the test is skipped and says
     * why.
     * @param url the server's URL, such as {@code jdbc:postgresql://127.0.0.1:5432/test}, or {@code null}
     * @param username the user, who may create schemas
     * @param password the password
     * @return the factory
     */
    static TestDatabaseFactory postgres(@Nullable String url, String username, String password) {
        DataSource server = Servers.reach("PostgreSQL", url, username, password);
        return () -> {
            String schema = Servers.uniqueName();
            Servers.execute(server, "CREATE SCHEMA " + schema);
            String schemaUrl = url + ((url.contains("?")) ? "&" : "?") + "currentSchema=" + schema;
            return new TestDatabase("PostgreSQL schema " + schema,
                    new DriverManagerDataSource(schemaUrl, username, password),
                    () -> Servers.execute(server, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
        };
    }

    /**
     * A database of its own for each database on a MariaDB or MySQL server, dropped when closed. Without a URL, or
     * when the server cannot be reached, the test is skipped and says why.
     * @param url the server's URL with a database, such as {@code jdbc:mariadb://127.0.0.1:3306/test}, or
     * {@code null}
     * @param username the user, who may create databases
     * @param password the password
     * @return the factory
     */
    static TestDatabaseFactory mariadb(@Nullable String url, String username, String password) {
        DataSource server = Servers.reach("MariaDB", url, username, password);
        return () -> {
            String database = Servers.uniqueName();
            Servers.execute(server, "CREATE DATABASE " + database);
            return new TestDatabase("MariaDB database " + database,
                    new DriverManagerDataSource(Servers.withDatabase(url, database), username, password),
                    () -> Servers.execute(server, "DROP DATABASE IF EXISTS " + database));
        };
    }

    /**
     * Databases made by the caller, each fresh and empty, such as an embedded database built by Spring.
     * @param dataSources makes one each time it is called
     * @return the factory
     */
    static TestDatabaseFactory of(Supplier<? extends DataSource> dataSources) {
        return () -> new TestDatabase("a database from " + dataSources, dataSources.get(), () -> {
        });
    }

}
