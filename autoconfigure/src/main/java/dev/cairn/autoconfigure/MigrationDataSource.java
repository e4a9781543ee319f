package dev.cairn.autoconfigure;

import java.io.Closeable;
import java.util.Map;

import javax.sql.DataSource;

import dev.cairn.MigrationException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The DataSource Cairn migrates with, chosen as Spring Boot's Flyway integration chooses its own: a
 * {@link CairnDataSource @CairnDataSource} bean; else a URL of its own ({@link CairnConnectionDetails}, by default
 * {@code cairn.datasource.*}); else the application's DataSource with a user of its own; else the application's
 * DataSource. Connections of its own come from a small pool that empties itself after the run and is closed with the
 * context. It also says which settings it used, for the message of a connection that fails.
 */
final class MigrationDataSource implements Closeable {

    private static final boolean HIKARI = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
            MigrationDataSource.class.getClassLoader());

    private final DataSource dataSource;

    private final String description;

    private final @Nullable DataSource owned;

    private MigrationDataSource(DataSource dataSource, String description, @Nullable DataSource owned) {
        this.dataSource = dataSource;
        this.description = description;
        this.owned = owned;
    }

    static MigrationDataSource choose(ObjectProvider<DataSource> cairnDataSource, Map<String, DataSource> dataSources,
            @Nullable DataSource primary, CairnConnectionDetails details,
            ObjectProvider<JdbcConnectionDetails> applicationDetails) {
        DataSource qualified = cairnDataSource.getIfAvailable();
        if (qualified != null) {
            return new MigrationDataSource(qualified, "the @CairnDataSource DataSource", null);
        }
        String url = details.getJdbcUrl();
        if (StringUtils.hasText(url)) {
            DataSource pool = pool(DataSourceBuilder.create().url(url), details);
            return new MigrationDataSource(pool, "cairn.datasource.* (url " + url + ", username "
                    + details.getUsername() + ")", pool);
        }
        if (primary == null) {
            throw new MigrationException("Cairn cannot tell which of the DataSources " + dataSources.keySet()
                    + " to migrate", "Mark the one to migrate with @CairnDataSource or @Primary, or set"
                            + " cairn.datasource.url.");
        }
        JdbcConnectionDetails application = applicationDetails.getIfAvailable();
        String applicationUrl = (application != null) ? application.getJdbcUrl()
                : HIKARI ? Hikari.url(primary) : null;
        if (details.getUsername() != null) {
            DataSourceBuilder<?> builder = (applicationUrl != null) ? DataSourceBuilder.create().url(applicationUrl)
                    .driverClassName(application.getDriverClassName())
                    : DataSourceBuilder.derivedFrom(primary);
            DataSource pool = pool(builder, details);
            return new MigrationDataSource(pool, "the application's database with cairn.datasource.username ("
                    + ((applicationUrl != null) ? "url " + applicationUrl + ", " : "") + "username "
                    + details.getUsername() + ")", pool);
        }
        String user = (application != null) ? application.getUsername() : HIKARI ? Hikari.username(primary) : null;
        return new MigrationDataSource(primary, "the application's DataSource"
                + ((applicationUrl != null) ? " (spring.datasource.*: url " + applicationUrl
                        + ((user != null) ? ", username " + user : "") + ")" : ""), null);
    }

    private static DataSource pool(DataSourceBuilder<?> builder, CairnConnectionDetails details) {
        builder.username(details.getUsername()).password(details.getPassword());
        if (StringUtils.hasText(details.getDriverClassName())) {
            builder.driverClassName(details.getDriverClassName());
        }
        return HIKARI ? Hikari.pool(builder) : builder.type(SimpleDriverDataSource.class).build();
    }

    DataSource dataSource() {
        return this.dataSource;
    }

    /**
     * Which settings the connections come from, for messages.
     * @return the description
     */
    String description() {
        return this.description;
    }

    /**
     * What needs HikariCP, loaded only when it is present.
     */
    private static final class Hikari {

        static DataSource pool(DataSourceBuilder<?> builder) {
            com.zaxxer.hikari.HikariDataSource pool = builder.type(com.zaxxer.hikari.HikariDataSource.class).build();
            // A lock connection and one migration at a time; idle connections close soon after the run.
            pool.setPoolName("cairn-migrations");
            pool.setMaximumPoolSize(3);
            pool.setMinimumIdle(0);
            pool.setIdleTimeout(10_000);
            return pool;
        }

        static @Nullable String url(DataSource dataSource) {
            return (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) ? hikari.getJdbcUrl() : null;
        }

        static @Nullable String username(DataSource dataSource) {
            return (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) ? hikari.getUsername() : null;
        }

    }

    @Override
    public void close() {
        if (this.owned instanceof Closeable closeable) {
            try {
                closeable.close();
            }
            catch (Exception ex) {
                // Closing the pool at shutdown; nothing to report.
            }
        }
    }

}
