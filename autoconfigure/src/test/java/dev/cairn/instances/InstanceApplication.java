package dev.cairn.instances;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * One instance of an application with {@code instance.migrations} slow migrations, each of which records its side
 * effect in {@code side_effects} and, with {@code instance.intervals=true}, when it began and ended in
 * {@code intervals}. Started in threads and as separate processes by the many-instances tests.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
public class InstanceApplication {

    /**
     * Starts one instance, which migrates when ready, and stops it again.
     * @param args Spring Boot arguments such as {@code --spring.datasource.url=...}
     */
    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = start(args)) {
            System.out.println("INSTANCE READY");
        }
    }

    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(InstanceApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        application.addInitializers((context) -> {
            Environment environment = context.getEnvironment();
            int count = environment.getProperty("instance.migrations", Integer.class, 5);
            long pause = environment.getProperty("instance.pause-ms", Long.class, 100L);
            String name = environment.getProperty("instance.name", "instance");
            boolean intervals = environment.getProperty("instance.intervals", Boolean.class, false);
            for (int version = 1; version <= count; version++) {
                SlowStep step = new SlowStep(version, pause, name, intervals);
                context.getBeanFactory().registerSingleton("slowStep" + version, step);
            }
        });
        return application.run(args);
    }

    /**
     * A migration that takes a while and records which instance applied it. Its first statement writes, so on SQLite
     * it holds the write lock for the whole pause, and a run of them takes it back to back.
     */
    static final class SlowStep implements Migration {

        private final long version;

        private final long pause;

        private final String instance;

        private final boolean intervals;

        SlowStep(long version, long pause, String instance, boolean intervals) {
            this.version = version;
            this.pause = pause;
            this.instance = instance;
            this.intervals = intervals;
        }

        @Override
        public long version() {
            return this.version;
        }

        @Override
        public String description() {
            return "Slow step " + this.version;
        }

        @Override
        public void up(MigrationContext context) throws InterruptedException {
            // Taken before the first statement, which waits for the database's write lock: two instances migrating
            // at once show as overlapping intervals even where the database serializes their transactions.
            long startedAt = System.currentTimeMillis();
            context.jdbc().update("INSERT INTO side_effects (version, instance) VALUES (?, ?)", this.version,
                    this.instance);
            Thread.sleep(this.pause);
            if (this.intervals) {
                context.jdbc().update("INSERT INTO intervals (version, instance, started_at_ms, ended_at_ms)"
                        + " VALUES (?, ?, ?, ?)", this.version, this.instance, startedAt, System.currentTimeMillis());
            }
        }

    }

}
