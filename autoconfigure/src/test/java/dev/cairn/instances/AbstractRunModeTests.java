package dev.cairn.instances;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.cairn.MigrationRunner;
import dev.cairn.MigrationSettings;
import dev.cairn.instances.ModesApplication.CreateGreetings;
import dev.cairn.instances.ModesApplication.Greeting;
import dev.cairn.instances.ModesApplication.SeedGreetings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold for {@code cairn.mode} on every database, with {@link ModesApplication} started in a JVM of its own
 * as an operator starts an application's jar: each mode runs without a web server, prints its report and exits with
 * 0, or 1 and a failure analysis; the read-only ones change nothing and take no lock. Each database has a thin
 * subclass.
 */
abstract class AbstractRunModeTests extends AbstractChildProcessTests {

    @TempDir
    Path scripts;

    private int port;

    /**
     * Whether the database's migration lock leaves something behind, such as SQLite's lock file.
     * @return {@code true} when it does
     */
    protected boolean lockLeftBehind() {
        return false;
    }

    /**
     * Removes what the migration lock left behind, so that a test can see that a mode does not take it.
     */
    protected void removeLock() {
    }

    @BeforeEach
    void setUp() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        Files.writeString(this.scripts.resolve("V2__add_farewells.sql"), """
                -- Version 2, in SQL, between the two Java migrations.
                CREATE TABLE farewells (id INTEGER PRIMARY KEY, text VARCHAR(100) NOT NULL);

                INSERT INTO farewells (id, text)
                  VALUES (1, '${farewell}');
                """);
        Files.writeString(this.scripts.resolve("U2__add_farewells.sql"), "DROP TABLE farewells;\n");
    }

    @Test
    void migrateAppliesWhatIsPendingReportsItAndExitsWithoutAWebServer() throws Exception {
        Process process = start("migrate", List.of("-Dmodes.pause-ms=500"), "--cairn.mode=migrate");
        assertThat(this.processes.awaitOutput(process, "SEEDING GREETINGS", Duration.ofMinutes(1)))
            .as(this.processes.output(process)).isTrue();
        assertThat(listening()).as("a web server listens on port %d", this.port).isFalse();
        Run migrate = finish(process);
        assertThat(migrate.exitCode()).as(migrate.output()).isZero();
        assertThat(migrate.output()).contains("WEB SERVER CONTEXT: false")
            .contains("Cairn migrate: applied 3 migrations in ")
            .contains(", from an empty schema to version 3\n")
            .containsPattern("\\| Version \\| Description +\\| Type +\\| State +\\| Installed on \\(UTC\\) +\\|")
            .containsPattern("\\| 1 +\\| Create greetings +\\| JAVA \\| APPLIED \\| \\d{4}-\\d\\d-\\d\\dT")
            .containsPattern("\\| 2 +\\| add farewells +\\| SQL +\\| APPLIED \\|")
            .containsPattern("\\| 3 +\\| Seed greetings +\\| JAVA \\| APPLIED \\|");
        assertThat(applied()).containsExactly("1", "2", "3");
        assertThat(this.database.jdbc().queryForObject("SELECT text FROM farewells", String.class))
            .isEqualTo("goodbye");
    }

    @Test
    void validateDryRunAndRollbackWithoutATargetChangeNothing() throws Exception {
        // Read-only, so they run side by side.
        Process validating = start("validate", List.of(), "--cairn.mode=validate");
        Process dryRunning = start("dry-run", List.of(), "--cairn.mode=dry-run");
        Process rollingBack = start("rollback", List.of(), "--cairn.mode=rollback");

        Run validate = finish(validating);
        assertThat(validate.exitCode()).as(validate.output()).isZero();
        assertThat(validate.output()).contains("WEB SERVER CONTEXT: false")
            .contains("Cairn validate: no problems found in 3 migrations against cairn_migrations")
            .contains("nothing was changed")
            .contains("Pending, for the next migrate to apply (not an error):")
            .containsPattern("\\| 2 +\\| add farewells +\\| SQL +\\| PENDING \\|");

        Run dryRun = finish(dryRunning);
        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("WEB SERVER CONTEXT: false")
            .contains("Cairn dry-run: migrate would apply 3 migrations, from an empty schema to version 3;"
                    + " nothing was changed")
            .contains("-- Migration 1 \"Create greetings\" (JAVA, bean 'createGreetings'), in a transaction\n"
                    + "-- Java code: what it runs is known only when it runs\n")
            .contains("-- Migration 2 \"add farewells\" (SQL, filesystem:" + this.scripts
                    + "/V2__add_farewells.sql), in a transaction\n"
                    + "-- line 2\nCREATE TABLE farewells (id INTEGER PRIMARY KEY, text VARCHAR(100) NOT NULL);\n"
                    + "-- line 4\nINSERT INTO farewells (id, text)\n  VALUES (1, 'goodbye');\n")
            .contains("-- Migration 3 \"Seed greetings\" (JAVA, bean 'seedGreetings')");
        assertThat(dryRun.output().indexOf("Migration 1")).isLessThan(dryRun.output().indexOf("Migration 2"));
        assertThat(dryRun.output().indexOf("Migration 2")).isLessThan(dryRun.output().indexOf("Migration 3"));

        Run rollback = finish(rollingBack);
        assertThat(rollback.exitCode()).as(rollback.output()).isEqualTo(1);
        assertThat(rollback.output()).contains("WEB SERVER CONTEXT: false")
            .contains("CAIRN ROLLBACK FAILED")
            .contains("cairn.mode=rollback needs cairn.target, the version to roll back to")
            .contains("--cairn.target=3");

        assertThat(this.database.hasTable("cairn_migrations")).as("the history table was created").isFalse();
        assertThat(this.database.hasTable("greetings")).isFalse();
        assertThat(lockLeftBehind()).as("the lock was taken").isFalse();
    }

    @Test
    void validateFailsOnAnEditedScriptNamingItAndChangesNothing() throws Exception {
        migrateInProcess();
        Files.writeString(this.scripts.resolve("V2__add_farewells.sql"), "CREATE TABLE farewells (id INTEGER);\n");
        List<Map<String, Object>> history = history();
        removeLock();
        Run validate = run("validate", "--cairn.mode=validate");
        assertThat(validate.exitCode()).as(validate.output()).isEqualTo(1);
        assertThat(validate.output()).contains("CAIRN VALIDATE FAILED")
            .contains("Applied migration 2 \"add farewells\" (filesystem:" + this.scripts
                    + "/V2__add_farewells.sql) was changed: its checksum is")
            .contains("Action:\n\nRevert the change to filesystem:" + this.scripts + "/V2__add_farewells.sql");
        assertThat(history()).isEqualTo(history);
        assertThat(lockLeftBehind()).as("the lock was taken").isFalse();
    }

    protected void migrateInProcess() {
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(),
                List.of(new CreateGreetings(), new SeedGreetings(new Greeting("hello"), 0)),
                MigrationSettings.defaults()
                    .withLocations(List.of("filesystem:" + this.scripts))
                    .withPlaceholders(Map.of("farewell", "goodbye")));
        assertThat(runner.migrate().applied()).hasSize(3);
    }

    protected Run run(String name, String... arguments) throws Exception {
        return finish(start(name, List.of(), arguments));
    }

    protected Process start(String name, List<String> jvmOptions, String... arguments) throws Exception {
        List<String> all = new ArrayList<>();
        for (String property : this.database.springProperties()) {
            all.add("--" + property);
        }
        all.addAll(List.of("--cairn.locations=filesystem:" + this.scripts, "--cairn.placeholders.farewell=goodbye",
                "--server.port=" + this.port, "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level.dev.cairn=INFO"));
        all.addAll(List.of(arguments));
        return this.processes.start(name, ModesApplication.class, jvmOptions, all);
    }

    protected Run finish(Process process) throws InterruptedException {
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(this.processes.output(process)).isTrue();
        return new Run(process.exitValue(), this.processes.output(process));
    }

    protected boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    protected List<String> applied() {
        return this.database.jdbc().queryForList("SELECT version FROM cairn_migrations WHERE success = ? ORDER BY"
                + " installed_rank", String.class, true);
    }

    protected List<Map<String, Object>> history() {
        return this.database.jdbc().queryForList("SELECT installed_rank, version, description, type, script,"
                + " checksum, installed_on, installed_by, execution_time, success FROM cairn_migrations ORDER BY"
                + " installed_rank");
    }


    protected record Run(int exitCode, String output) {
    }

}
