package dev.cairn.instances;

import java.time.Duration;

import dev.cairn.BackgroundMigration;
import dev.cairn.BackgroundMigrationRunner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An application with one background migration that backfills {@code items}, counting in {@code touched} how often
 * each row was processed. Its main method waits until the background migrations are finished, then exits.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
public class BackgroundApplication {

    @Bean
    BackgroundMigration doubleAmounts() {
        return BackgroundMigration.update("1", "items")
            .set("doubled = amount * 2, touched = touched + 1")
            .where("doubled IS NULL")
            .description("Double amounts");
    }

    public static void main(String[] args) throws InterruptedException {
        SpringApplication application = new SpringApplication(BackgroundApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        try (ConfigurableApplicationContext context = application.run(args)) {
            if (context.getBean(BackgroundMigrationRunner.class).awaitTermination(Duration.ofMinutes(3))) {
                System.out.println("BACKGROUND DONE");
            }
        }
    }

}
