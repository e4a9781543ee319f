package dev.cairn.demo;

import dev.cairn.BackgroundMigration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Starts the todo dashboard. With no spring.datasource.url, Cairn provides ./data/cairn-demo.db.
 */
@SpringBootApplication
public class DemoApplication {

    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }

    /**
     * Fills {@code todos.search_title}, added by {@code V5_1__add_todo_search_title.sql}, for the todos that existed
     * before it: in batches, in the background, after the application is ready.
     * @return the background migration
     */
    @Bean
    BackgroundMigration backfillSearchTitles() {
        return BackgroundMigration.update("1", "todos")
            .set("search_title = LOWER(title)")
            .where("search_title IS NULL")
            .description("Backfill todos.search_title");
    }

}
