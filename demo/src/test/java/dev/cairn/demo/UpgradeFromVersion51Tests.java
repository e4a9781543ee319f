package dev.cairn.demo;

import java.nio.file.Path;
import java.util.List;

import dev.cairn.MigrationInfo;
import dev.cairn.MigrationRunner;
import dev.cairn.demo.migrations.AddTodoPriority;
import dev.cairn.demo.migrations.CreateTodos;
import dev.cairn.demo.migrations.CreateUsers;
import dev.cairn.demo.migrations.IndexTodosByPriority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A user's demo database of the release before the declared schema (version 5.1: the Java migrations 1 to 4 and
 * the scripts), started with this release under {@code cairn.policy=append-only}: the schema migration 6 and the
 * declared schema's version 7 only add, so they run, and the todos it had stay.
 */
class UpgradeFromVersion51Tests {

    @TempDir
    Path directory;

    @Test
    void aDatabaseAtVersion51IsUpgradedToTheDeclaredSchemaUnderTheAppendOnlyPolicy() {
        String url = "jdbc:sqlite:" + this.directory.resolve("demo.db");
        DriverManagerDataSource previousRelease = new DriverManagerDataSource(url);
        MigrationRunner.builder(previousRelease)
            .migrations(List.of(new CreateUsers(), new CreateTodos(), new AddTodoPriority(), new IndexTodosByPriority()))
            .build()
            .migrate();
        new JdbcTemplate(previousRelease).update("INSERT INTO todos (user_id, title, search_title) VALUES (1, ?, ?)",
                "Renew the passport", "renew the passport");

        try (ConfigurableApplicationContext demo = start(url)) {
            assertThat(demo.getEnvironment().getProperty("cairn.policy")).isEqualTo("append-only");
            List<MigrationInfo> migrations = demo.getBean(MigrationRunner.class).status().migrations();
            assertThat(migrations).extracting(MigrationInfo::description, (migration) -> migration.state().name())
                .contains(tuple("Create todo notes", "APPLIED"), tuple("Declared schema", "APPLIED"));
            JdbcTemplate jdbc = new JdbcTemplate(demo.getBean(javax.sql.DataSource.class));
            assertThat(jdbc.queryForList("SELECT title FROM todos WHERE due_on IS NULL ORDER BY id", String.class))
                .containsExactly("Try Cairn", "Fix the urgent bug", "Renew the passport");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM todo_notes", Integer.class)).isZero();
        }
        try (ConfigurableApplicationContext again = start(url)) {
            assertThat(again.getBean(MigrationRunner.class).status().migrations())
                .allSatisfy((migration) -> assertThat(migration.state().name()).isEqualTo("APPLIED"));
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(DemoApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url);
    }

}
