package dev.cairn.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo started on a random port against a fresh SQLite file, read over HTTP as a user would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoApplicationTests {

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + directory.resolve("demo.db"));
    }

    @Value("${local.server.port}")
    int port;

    private RestClient client() {
        return RestClient.create("http://localhost:" + this.port);
    }

    @Test
    void endpointShowsTheJavaSqlAndSchemaMigrationsApplied() {
        Map<String, Object> status = client().get().uri("/actuator/migrations").retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        assertThat(status).containsEntry("currentVersion", "7");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> migrations = (List<Map<String, Object>>) status.get("migrations");
        assertThat(migrations).extracting((migration) -> migration.get("description"))
            .containsExactly("Create users", "Create todos", "Add todo priority", "Index todos by priority",
                    "index todos by user", "add todo search title", "Create todo notes", "Declared schema",
                    "todo summary");
        assertThat(migrations).extracting((migration) -> migration.get("type"))
            .containsExactly("JAVA", "JAVA", "JAVA", "JAVA", "SQL", "SQL", "SCHEMA", "SCHEMA_AUTO", "SQL");
        assertThat(migrations.get(4)).containsEntry("script", "V5__index_todos_by_user.sql")
            .containsEntry("reversible", true);
        assertThat(migrations.get(5)).containsEntry("script", "V5_1__add_todo_search_title.sql")
            .containsEntry("version", "5.1");
        assertThat(migrations.get(6)).containsEntry("version", "6").containsEntry("reversible", true)
            .containsEntry("additive", true);
        assertThat(migrations.get(7)).containsEntry("version", "7").containsEntry("reversible", false)
            .containsEntry("additive", true);
        assertThat(migrations.get(8)).containsEntry("script", "R__todo_summary.sql").doesNotContainKey("version");
        assertThat(migrations).allSatisfy((migration) -> {
            assertThat(migration.get("state")).isEqualTo("APPLIED");
            assertThat((String) migration.get("installedOn")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(migration.get("executionTimeMs")).isInstanceOf(Integer.class);
        });
    }

    @Test
    void oneMigrationCanBeReadByVersion() {
        Map<String, Object> migration = client().get().uri("/actuator/migrations/3").retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        assertThat(migration).containsEntry("version", "3").containsEntry("description", "Add todo priority");
    }

    @Test
    void repairIsClosedUnlessTheEndpointsAccessIsOpened() {
        int status = client().post().uri("/actuator/migrations").exchange((request, response) ->
                response.getStatusCode().value());
        assertThat(status).isEqualTo(405);
    }

    @Test
    void healthIncludesTheMigrations() {
        Map<String, Object> health = client().get().uri("/actuator/health").retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        assertThat(health).containsEntry("status", "UP");
        assertThat(health.get("components").toString()).contains("migrations=").contains("currentVersion=7");
    }

    @Test
    void aBackgroundMigrationBackfillsTheSearchTitlesOfTheTodosThatExisted() throws InterruptedException {
        Map<String, Object> backfill = null;
        for (int i = 0; i < 300 && (backfill == null || !"FINISHED".equals(backfill.get("state"))); i++) {
            Thread.sleep(100);
            Map<String, Object> status = client().get().uri("/actuator/migrations").retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> background = (List<Map<String, Object>>) status.get("background");
            backfill = background.get(0);
        }
        assertThat(backfill).containsEntry("id", "1")
            .containsEntry("description", "Backfill todos.search_title")
            .containsEntry("state", "FINISHED")
            .containsEntry("percent", 100)
            .containsEntry("rowsDone", 2);
        List<Map<String, Object>> found = client().get().uri("/todos?q=URGENT").retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        assertThat(found).extracting((todo) -> todo.get("title")).containsExactly("Fix the urgent bug");
        Map<String, Object> health = client().get().uri("/actuator/health").retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        assertThat(health.get("components").toString()).contains("background={1=FINISHED}");
    }

    @Test
    void todosUseTheMigratedSchema() {
        List<Map<String, Object>> todos = client().get().uri("/todos").retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        assertThat(todos).first().satisfies((todo) -> {
            assertThat(todo.get("title")).isEqualTo("Fix the urgent bug");
            assertThat(todo.get("priority")).isEqualTo(1);
        });
        Map<String, Object> added = client().post().uri("/todos").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("title", "Write docs", "priority", 3, "dueOn", "2027-04-30"))
            .retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        assertThat(added).containsEntry("title", "Write docs").containsEntry("priority", 3)
            .containsEntry("dueOn", "2027-04-30");
        List<Map<String, Object>> all = client().get().uri("/todos").retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        assertThat(all).extracting((todo) -> todo.get("title"), (todo) -> todo.get("dueOn"))
            .containsExactly(org.assertj.core.groups.Tuple.tuple("Fix the urgent bug", null),
                    org.assertj.core.groups.Tuple.tuple("Try Cairn", null),
                    org.assertj.core.groups.Tuple.tuple("Write docs", "2027-04-30"));
        List<Map<String, Object>> summary = client().get().uri("/todos/summary").retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        assertThat(summary).extracting((row) -> row.get("priority"), (row) -> row.get("todos"))
            .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(2, 1),
                    org.assertj.core.groups.Tuple.tuple(3, 1));
    }

    @Test
    void notesAreAddedToATodoAndListedOldestFirst() {
        List<Map<String, Object>> todos = client().get().uri("/todos?q=try").retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        Object id = todos.get(0).get("id");
        for (String body : List.of("Read the README", "Start the demo")) {
            Map<String, Object> note = client().post().uri("/todos/{id}/notes", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("body", body))
                .retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
            assertThat(note).containsEntry("todoId", id).containsEntry("body", body).containsKey("createdAt");
        }
        List<Map<String, Object>> notes = client().get().uri("/todos/{id}/notes", id).retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        assertThat(notes).extracting((note) -> note.get("body")).containsExactly("Read the README", "Start the demo");
        int missing = client().get().uri("/todos/999/notes").exchange((request, response) ->
                response.getStatusCode().value());
        assertThat(missing).isEqualTo(404);
    }

}
