package dev.cairn.instances;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An application as operators deploy it, for the run-mode tests: a web server on its classpath, SQL scripts in
 * {@code cairn.locations} and two Java migrations that need a bean of the application. Its {@code main} is a plain
 * {@link SpringApplication#run}, so whatever a run mode does, it does for any application; it only says, as the
 * context is made, whether it is a web server's context.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
public class ModesApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ModesApplication.class);
        application.addInitializers((context) -> System.out.println("WEB SERVER CONTEXT: "
                + (context instanceof WebServerApplicationContext)));
        application.run(args);
    }

    @Bean
    Greeting greeting() {
        return new Greeting("hello");
    }

    @Bean
    CreateGreetings createGreetings() {
        return new CreateGreetings();
    }

    @Bean
    SeedGreetings seedGreetings(Greeting greeting) {
        return new SeedGreetings(greeting, Long.getLong("modes.pause-ms", 0L));
    }

    /**
     * A bean that a migration needs.
     *
     * @param text the greeting
     */
    public record Greeting(String text) {
    }

    /**
     * Version 1, in Java.
     */
    public static class CreateGreetings implements Migration {

        @Override
        public long version() {
            return 1;
        }

        @Override
        public void up(MigrationContext context) {
            context.jdbc().execute("CREATE TABLE greetings (id INTEGER PRIMARY KEY, text VARCHAR(100) NOT NULL)");
        }

        @Override
        public void down(MigrationContext context) {
            context.jdbc().execute("DROP TABLE greetings");
        }

    }

    /**
     * Version 3, in Java, after the script of version 2; it takes a while with {@code -Dmodes.pause-ms}.
     */
    public static class SeedGreetings implements Migration {

        private final Greeting greeting;

        private final long pause;

        public SeedGreetings(Greeting greeting, long pause) {
            this.greeting = greeting;
            this.pause = pause;
        }

        @Override
        public long version() {
            return 3;
        }

        @Override
        public void up(MigrationContext context) throws InterruptedException {
            context.jdbc().update("INSERT INTO greetings (id, text) VALUES (1, ?)", this.greeting.text());
            System.out.println("SEEDING GREETINGS");
            System.out.flush();
            Thread.sleep(this.pause);
        }

        @Override
        public void down(MigrationContext context) {
            context.jdbc().update("DELETE FROM greetings WHERE id = 1");
        }

    }

}
