package dev.cairn.instances;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;
import dev.cairn.MigrationCallback;
import dev.cairn.MigrationRunner;

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
            MigrationRunner runner = context.getBean(MigrationRunner.class);
            switch (context.getEnvironment().getProperty("instance.action", "migrate")) {
                case "rollback" -> runner.rollbackTo(context.getEnvironment().getProperty("instance.rollback-to",
                        Long.class, 0L));
                case "repair" -> runner.repair();
                default -> {
                }
            }
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
            boolean ddl = environment.getProperty("instance.ddl", Boolean.class, false);
            for (int version = 1; version <= count; version++) {
                SlowStep step = new SlowStep(version, pause, name, intervals, ddl);
                context.getBeanFactory().registerSingleton("slowStep" + version, step);
            }
            long repairPause = environment.getProperty("instance.repair-pause-ms", Long.class, 0L);
            context.getBeanFactory().registerSingleton("slowRepair", new MigrationCallback() {
                @Override
                public void afterRepair(MigrationContext context) throws InterruptedException {
                    // The rows are deleted, in the repair's transaction, which has not committed yet.
                    announce("REPAIRED, NOT COMMITTED");
                    Thread.sleep(repairPause);
                }
            });
        });
        return application.run(args);
    }

    private static void announce(String what) {
        System.out.println(what);
        System.out.flush();
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

        private final boolean ddl;

        SlowStep(long version, long pause, String instance, boolean intervals, boolean ddl) {
            this.version = version;
            this.pause = pause;
            this.instance = instance;
            this.intervals = intervals;
            this.ddl = ddl;
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
            if (this.ddl) {
                context.jdbc().execute("CREATE TABLE ddl_" + this.version + "_a (id INTEGER)");
            }
            context.jdbc().update("INSERT INTO side_effects (version, instance) VALUES (?, ?)", this.version,
                    this.instance);
            announce("APPLYING " + this.version);
            Thread.sleep(this.pause);
            if (this.ddl) {
                context.jdbc().execute("CREATE TABLE ddl_" + this.version + "_b (id INTEGER)");
            }
            if (this.intervals) {
                context.jdbc().update("INSERT INTO intervals (version, instance, started_at_ms, ended_at_ms)"
                        + " VALUES (?, ?, ?, ?)", this.version, this.instance, startedAt, System.currentTimeMillis());
            }
        }

        @Override
        public void down(MigrationContext context) throws InterruptedException {
            if (this.ddl) {
                context.jdbc().execute("DROP TABLE ddl_" + this.version + "_b");
            }
            context.jdbc().update("DELETE FROM side_effects WHERE version = ?", this.version);
            announce("REVERTING " + this.version);
            Thread.sleep(this.pause);
            if (this.ddl) {
                context.jdbc().execute("DROP TABLE ddl_" + this.version + "_a");
            }
        }

    }

}
