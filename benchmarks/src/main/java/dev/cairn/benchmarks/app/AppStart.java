package dev.cairn.benchmarks.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.IntFunction;

import dev.cairn.benchmarks.ResultLine;
import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Starts one of the benchmark applications without a web server and reports when it is ready: once
 * {@link SpringApplication#run} returns, every {@code ApplicationReadyEvent} listener has run, Cairn's migrate
 * among them. The launcher measures from the moment it spawned the process.
 */
public final class AppStart {

    /** The system property holding how many migration beans to register. */
    public static final String MIGRATIONS_PROPERTY = "bench.migrations";

    /** The system property that makes the application open one connection once it is ready. */
    public static final String CONNECT_PROPERTY = "bench.connect";

    private AppStart() {
    }

    /**
     * Runs the application with {@code bench.migrations} beans made by {@code migration}, then exits.
     * @param <T> the migration type
     * @param application the {@code @SpringBootApplication} class
     * @param type the migration type, so that the beans are found by type before they exist
     * @param migration makes migration {@code i}; {@code null} for an application without migrations
     * @param args the command-line arguments, such as {@code --spring.datasource.url=...}
     * @throws SQLException when {@code bench.connect} is set and no connection can be opened
     */
    public static <T> void run(Class<?> application, Class<T> type, @Nullable IntFunction<T> migration,
            String[] args) throws SQLException {
        int count = Integer.getInteger(MIGRATIONS_PROPERTY, 0);
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        if (migration != null) {
            app.addInitializers((context) -> {
                GenericApplicationContext registry = (GenericApplicationContext) context;
                for (int i = 1; i <= count; i++) {
                    int version = i;
                    registry.registerBean("migration" + version, type, () -> migration.apply(version));
                }
            });
        }
        ConfigurableApplicationContext context = app.run(args);
        if (Boolean.getBoolean(CONNECT_PROPERTY)) {
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                connection.isValid(1);
            }
        }
        ResultLine.print(Map.of("migrations", count));
        System.exit(0);
    }

}
