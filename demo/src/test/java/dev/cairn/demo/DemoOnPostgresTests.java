package dev.cairn.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo with its {@code postgres} profile, migrating a fresh schema of the server named by
 * {@code CAIRN_TEST_POSTGRES_URL}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@EnabledIfEnvironmentVariable(named = "CAIRN_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "Skipped: no PostgreSQL server. Set CAIRN_TEST_POSTGRES_URL (and _USERNAME, _PASSWORD).")
class DemoOnPostgresTests {

    private static final String SCHEMA = "cairn_demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        execute("CREATE SCHEMA " + SCHEMA);
        String url = System.getenv("CAIRN_TEST_POSTGRES_URL");
        registry.add("DEMO_POSTGRES_URL", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("DEMO_POSTGRES_USERNAME", DemoOnPostgresTests::username);
        registry.add("DEMO_POSTGRES_PASSWORD", DemoOnPostgresTests::password);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void migratesPostgresThroughTheProfile() {
        RestClient client = RestClient.create("http://localhost:" + this.port);
        Map<String, Object> status = client.get().uri("/actuator/migrations").retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        assertThat(status).containsEntry("currentVersion", "7");
        List<Map<String, Object>> todos = client.get().uri("/todos").retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        assertThat(todos).first().satisfies((todo) -> assertThat(todo.get("priority")).isEqualTo(1));
        Map<String, Object> added = client.post().uri("/todos").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("title", "Book the venue", "dueOn", "2027-04-30"))
            .retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        assertThat(added).containsEntry("dueOn", "2027-04-30");
        Map<String, Object> note = client.post().uri("/todos/{id}/notes", added.get("id"))
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("body", "Ask for the small hall"))
            .retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        assertThat(note).containsEntry("body", "Ask for the small hall").containsKey("createdAt");
        Map<String, Object> health = client.get().uri("/actuator/health").retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        assertThat(health.get("components").toString()).contains("database=PostgreSQL");
    }

    private static String username() {
        return System.getenv().getOrDefault("CAIRN_TEST_POSTGRES_USERNAME", "postgres");
    }

    private static String password() {
        return System.getenv().getOrDefault("CAIRN_TEST_POSTGRES_PASSWORD", "");
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(System.getenv("CAIRN_TEST_POSTGRES_URL"), username(),
                password()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

}
