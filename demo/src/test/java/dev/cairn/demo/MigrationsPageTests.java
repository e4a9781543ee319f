package dev.cairn.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations page over HTTP: {@code /actuator/migrations} gives a browser the page and curl the JSON, and the
 * page is closed wherever the endpoint is.
 */
class MigrationsPageTests {

    /** What Chromium and Firefox send when the address is typed in. */
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final String JSON = "application/vnd.spring-boot.actuator.v3+json";

    @TempDir
    Path directory;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aBrowserGetsThePageAndCurlGetsTheJson() throws Exception {
        try (ConfigurableApplicationContext demo = start()) {
            HttpResponse<String> page = get(demo, BROWSER);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
            assertThat(page.body()).startsWith("<!DOCTYPE html>")
                .contains("<title>Migrations: UP at version 7</title>")
                .contains("Up to date at version 7.")
                .contains("<code>V5__index_todos_by_user.sql</code>");

            for (String accept : new String[] { "*/*", "application/json", JSON, null }) {
                HttpResponse<String> json = get(demo, accept);
                assertThat(json.statusCode()).as(accept).isEqualTo(200);
                assertThat(json.headers().firstValue("Content-Type").orElseThrow()).as(accept).contains("json");
                assertThat(json.body()).as(accept).startsWith("{\"currentVersion\":\"7\"");
            }
            assertThat(get(demo, BROWSER, "/actuator/migrations/3").body()).as("one migration stays JSON")
                .startsWith("{\"version\":\"3\"");
        }
    }

    @Test
    void thePageIsClosedWhereTheEndpointIsNotExposed() throws Exception {
        try (ConfigurableApplicationContext demo = start("--management.endpoints.web.exposure.include=health")) {
            assertThat(get(demo, BROWSER).statusCode()).isEqualTo(404);
            assertThat(get(demo, "*/*").statusCode()).isEqualTo(404);
            assertThat(get(demo, BROWSER, "/actuator/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void thePageIsClosedWhereTheEndpointsAccessIsNone() throws Exception {
        try (ConfigurableApplicationContext demo = start("--management.endpoint.migrations.access=none")) {
            assertThat(get(demo, BROWSER).statusCode()).isEqualTo(404);
            assertThat(get(demo, "*/*").statusCode()).isEqualTo(404);
        }
    }

    private ConfigurableApplicationContext start(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:sqlite:" + this.directory.resolve("demo.db")));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(DemoApplication.class).run(all.toArray(String[]::new));
    }

    private HttpResponse<String> get(ConfigurableApplicationContext demo, String accept)
            throws IOException, InterruptedException {
        return get(demo, accept, "/actuator/migrations");
    }

    private HttpResponse<String> get(ConfigurableApplicationContext demo, String accept, String path)
            throws IOException, InterruptedException {
        String port = demo.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
