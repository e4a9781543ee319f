package dev.cairn.demo;

import java.nio.file.Path;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.BackgroundMigration;
import dev.cairn.BatchResult;
import dev.cairn.autoconfigure.SqliteTurnTaking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pause, resume and retry of background migrations over HTTP, with the endpoint's write operations opened, against
 * the demo and a slow background migration of this test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoint.migrations.access=unrestricted")
class BackgroundOperationsTests {

    @TempDir
    static Path directory;

    @Value("${local.server.port}")
    int port;

    @Test
    void aRunningBackgroundMigrationIsPausedAndResumedOverHttp() throws InterruptedException {
        for (int i = 0; i < 300 && !"RUNNING".equals(background("2").get("state")); i++) {
            Thread.sleep(20);
        }
        Map<String, Object> paused = post("/actuator/migrations/background/2/pause");
        assertThat(paused).containsEntry("id", "2").containsEntry("state", "PAUSED");
        Thread.sleep(300);
        Object batches = background("2").get("batches");
        Thread.sleep(300);
        assertThat(background("2")).containsEntry("state", "PAUSED").containsEntry("batches", batches);

        assertThat(status("/actuator/migrations/background/2/retry")).as("only a FAILED one is retried")
            .isEqualTo(400);
        assertThat(status("/actuator/migrations/background/9/pause")).as("no such migration").isEqualTo(404);
        assertThat(status("/actuator/migrations/background/2/restart")).as("no such action").isEqualTo(404);

        assertThat(post("/actuator/migrations/background/2/resume")).containsEntry("state", "RUNNING");
        Map<String, Object> slow = background("2");
        for (int i = 0; i < 200 && !"FINISHED".equals(slow.get("state")); i++) {
            Thread.sleep(100);
            slow = background("2");
        }
        assertThat(slow).containsEntry("state", "FINISHED").containsEntry("rowsDone", 40);
    }

    private Map<String, Object> post(String path) {
        return RestClient.create("http://localhost:" + this.port).post().uri(path).retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
    }

    private int status(String path) {
        return RestClient.create("http://localhost:" + this.port).post().uri(path)
            .exchange((request, response) -> response.getStatusCode().value());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> background(String id) {
        Map<String, Object> status = RestClient.create("http://localhost:" + this.port).get()
            .uri("/actuator/migrations")
            .retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        return ((java.util.List<Map<String, Object>>) status.get("background")).stream()
            .filter((migration) -> id.equals(migration.get("id")))
            .findFirst()
            .orElseThrow();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SlowBackgroundMigration {

        /**
         * An SQLite file of the test's own, opened as README.md says to open one's own: write-ahead log, immediate
         * write transactions, and writers that take turns with the background migration's batches.
         * @return the data source
         */
        @Bean
        HikariDataSource dataSource() {
            String url = "jdbc:sqlite:" + directory.resolve("demo.db")
                    + "?journal_mode=WAL&busy_timeout=30000&transaction_mode=IMMEDIATE";
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(url);
            dataSource.setDataSource(new SqliteTurnTaking(url, 30_000));
            return dataSource;
        }

        /**
         * Forty batches of 100 ms that count to forty, after the demo's own background migration.
         * @return the migration
         */
        @Bean
        BackgroundMigration countSlowly() {
            return new BackgroundMigration() {
                @Override
                public String id() {
                    return "2";
                }

                @Override
                public BatchResult migrateBatch(dev.cairn.BatchContext batch) throws InterruptedException {
                    Thread.sleep(100);
                    Long done = batch.cursorAsLong();
                    long next = (done != null) ? done + 1 : 1;
                    return (next < 40) ? BatchResult.next(next, 1) : BatchResult.finished(1);
                }
            };
        }

    }

}
