package dev.cairn.benchmarks;

import java.sql.Connection;
import java.util.Locale;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.benchmarks.contender.Contender;
import dev.cairn.benchmarks.contender.Tool;
import dev.cairn.benchmarks.contender.Workload;
import org.apache.commons.logging.LogFactory;
import org.slf4j.LoggerFactory;

/**
 * The child JVM of one in-process measurement: builds the pool and the contender, then times the contender's
 * migrate alone, so JVM start, pool start and building the migrations are left out.
 *
 * <p>Arguments: {@code <tool> <cold|warm|contended> <jdbc-url> <migrations> <java|sql>}.
 */
public final class Measurement {

    private Measurement() {
    }

    public static void main(String[] args) throws Exception {
        Tool tool = Tool.fromId(args[0]);
        String scenario = args[1];
        String url = args[2];
        Workload workload = new Workload(Integer.parseInt(args[3]),
                Workload.Form.valueOf(args[4].toUpperCase(Locale.ROOT)));
        initializeLogging();
        try (HikariDataSource dataSource = dataSource(url)) {
            Contender contender = tool.create(workload, "contended".equals(scenario));
            long start = System.nanoTime();
            contender.migrate(dataSource);
            long nanos = System.nanoTime() - start;
            ResultLine.print(Map.of("millis", String.format(Locale.ROOT, "%.1f", nanos / 1e6)));
        }
        System.exit(0);
    }

    /**
     * Starts the logging frameworks the tools log through (SLF4J with Logback, Commons Logging as Spring uses it,
     * java.util.logging as Liquibase uses it) before the clock starts, as an application does before it
     * migrates; whoever logged first would otherwise pay for it. The tools' own logging stays timed.
     */
    static void initializeLogging() {
        LoggerFactory.getLogger(Measurement.class).debug("Logging started");
        LogFactory.getLog(Measurement.class).debug("Logging started");
        java.util.logging.Logger.getLogger(Measurement.class.getName()).fine("Logging started");
    }

    /**
     * The pool every contender gets: HikariCP with the same settings, two connections open before the clock
     * starts (Cairn and Flyway hold a lock on one while migrating on the other).
     * @param url the JDBC URL
     * @return the started pool
     * @throws Exception when the database cannot be reached
     */
    static HikariDataSource dataSource(String url) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("bench");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(2);
        HikariDataSource dataSource = new HikariDataSource(config);
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.isValid(1);
            second.isValid(1);
        }
        return dataSource;
    }

}
