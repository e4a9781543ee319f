package dev.cairn.demo;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The packaged demo, started with {@code java -jar} as a user starts it: the SQL scripts are found inside the
 * executable jar, applied with the Java migrations, and on the next start found applied. Once as it is, once from
 * its AOT-processed classes ({@code -Dspring.aot.enabled=true}), as a native image starts.
 */
class PackagedDemoIT {

    @TempDir
    Path directory;

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (this.process != null) {
            this.process.destroy();
            this.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void appliesTheScriptsInsideTheExecutableJar() throws Exception {
        int port = freePort();
        Path log = start(port, "first", List.of(),
                List.of("--spring.datasource.url=jdbc:sqlite:" + this.directory.resolve("demo.db")));
        assertMigrated(port, log);
        stop();

        Path again = start(port, "second", List.of(),
                List.of("--spring.datasource.url=jdbc:sqlite:" + this.directory.resolve("demo.db")));
        assertThat(Files.readString(again)).contains("Schema is up to date at version 7");
    }

    /**
     * The auto-configuration, the runtime hints and the migrations work without the context being built by
     * reflection at start-up. Conditions were evaluated at build time, where no {@code spring.datasource.url} was
     * set, so the demo uses its default SQLite file in the working directory.
     */
    @Test
    void migratesFromTheAheadOfTimeProcessedApplication() throws Exception {
        int port = freePort();
        Path log = start(port, "first", List.of("-Dspring.aot.enabled=true"), List.of());
        assertMigrated(port, log);
        assertThat(Files.readString(log)).contains("Starting AOT-processed DemoApplication");
        assertThat(this.directory.resolve("data").resolve("cairn-demo.db")).exists();
        stop();

        Path again = start(port, "second", List.of("-Dspring.aot.enabled=true"), List.of());
        assertThat(Files.readString(again)).contains("Schema is up to date at version 7");
    }

    private void assertMigrated(int port, Path log) throws Exception {
        Map<String, Object> status = RestClient.create("http://localhost:" + port).get().uri("/actuator/migrations")
            .retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        assertThat(status).containsEntry("currentVersion", "7");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> migrations = (List<Map<String, Object>>) status.get("migrations");
        assertThat(migrations).extracting((migration) -> migration.get("script"), (migration) -> migration.get("state"))
            .contains(tuple("V5__index_todos_by_user.sql", "APPLIED"), tuple("R__todo_summary.sql", "APPLIED"));
        assertThat(Files.readString(log)).contains("Migrated 9 migrations to version 7");
    }

    private Path start(int port, String name, List<String> jvmArguments, List<String> arguments) throws Exception {
        Path log = this.directory.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArguments);
        command.add("-jar");
        command.add(new File(System.getProperty("demo.jar")).getAbsolutePath());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        this.process = new ProcessBuilder(command).directory(this.directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.readString(log).contains("Started DemoApplication")) {
            assertThat(this.process.isAlive()).as(Files.readString(log)).isTrue();
            assertThat(System.nanoTime() < deadline).as("started within two minutes").isTrue();
            Thread.sleep(100);
        }
        // Migrations run on ApplicationReadyEvent, just after the line above.
        while (!Files.readString(log).matches("(?s).*(Migrated|up to date).*")) {
            assertThat(System.nanoTime() < deadline).as(Files.readString(log)).isTrue();
            Thread.sleep(100);
        }
        return log;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
