package dev.cairn.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The zero-configuration default: when the application configures no DataSource (no bean, no
 * {@code spring.datasource.url} or JNDI name, and no {@link JdbcConnectionDetails} such as those of Testcontainers'
 * {@code @ServiceConnection} or Docker Compose) and sqlite-jdbc is present, an
 * SQLite file {@code ./data/<spring.application.name or "app">.db}, set up for an application pool and a runner
 * sharing it: WAL journal, a busy timeout instead of "database is locked" errors, in which a waiting writer tries
 * again every half millisecond ({@link SqliteTurnTaking}), write transactions that take the write lock when they
 * begin, and foreign keys enforced.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class,
        afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnClass({ HikariDataSource.class, org.sqlite.JDBC.class })
@ConditionalOnMissingBean({ DataSource.class, JdbcConnectionDetails.class })
@Conditional(SqliteDataSourceAutoConfiguration.NoDataSourceConfigured.class)
public final class SqliteDataSourceAutoConfiguration {

    private static final Log logger = LogFactory.getLog(SqliteDataSourceAutoConfiguration.class);

    /** The URL parameters of the default file: see the class's description. */
    static final String PARAMETERS = "?journal_mode=WAL&busy_timeout=30000&transaction_mode=IMMEDIATE"
            + "&foreign_keys=true";

    /** How long a writer waits for the write lock before "database is locked". */
    private static final long BUSY_TIMEOUT_MILLIS = 30_000;

    @Bean
    HikariDataSource dataSource(Environment environment) {
        String name = environment.getProperty("spring.application.name", "app").replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = Path.of("data", name + ".db");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not create the directory of the default SQLite database " + file
                    + "; set spring.datasource.url to a writable location", ex);
        }
        logger.info("No DataSource is configured: using the SQLite file " + file.toAbsolutePath());
        HikariDataSource dataSource = DataSourceBuilder.create()
            .type(HikariDataSource.class)
            .driverClassName("org.sqlite.JDBC")
            .url("jdbc:sqlite:" + file + PARAMETERS)
            .build();
        dataSource.setPoolName("cairn-sqlite");
        dataSource.setDataSource(new SqliteTurnTaking(dataSource.getJdbcUrl(), BUSY_TIMEOUT_MILLIS));
        // Bound here rather than with @ConfigurationProperties, which would copy Hikari's metadata into Cairn's.
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(dataSource));
        return dataSource;
    }

    /**
     * Matches when neither spring.datasource.url nor spring.datasource.jndi-name is set.
     */
    static class NoDataSourceConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            if (environment.containsProperty("spring.datasource.url")
                    || environment.containsProperty("spring.datasource.jndi-name")) {
                return ConditionOutcome.noMatch("spring.datasource.url or jndi-name is set");
            }
            return ConditionOutcome.match("no spring.datasource.url is set");
        }

    }

}
