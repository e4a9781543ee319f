package dev.cairn.instances;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run modes on an SQLite file, whose lock is a file beside it; and, once, what does not depend on the database: a
 * repair that unblocks the application, which then starts as it always did, a rollback to a target, and the info
 * table.
 */
class SqliteRunModeTests extends AbstractRunModeTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqlite(directory);
    }

    @Override
    protected boolean lockLeftBehind() {
        return Files.exists(lockFile());
    }

    @Override
    protected void removeLock() {
        try {
            Files.deleteIfExists(lockFile());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Path lockFile() {
        String url = this.database.url();
        return Path.of(url.substring("jdbc:sqlite:".length(), url.indexOf('?')) + "-cairn.lock");
    }

    @Test
    void repairLetsAnApplicationBlockedByAFailedMigrationStartAsItDidWithoutAMode() throws Exception {
        migrateInProcess();
        // Migration 3 failed and left its row behind, as it does where it cannot roll back; its change is undone.
        this.database.jdbc().update("UPDATE cairn_migrations SET success = ? WHERE version = '3'", false);
        this.database.jdbc().update("DELETE FROM greetings");
        List<Map<String, Object>> history = history();
        removeLock();

        Run validate = run("validate", "--cairn.mode=validate");
        assertThat(validate.exitCode()).as(validate.output()).isEqualTo(1);
        assertThat(validate.output()).contains("CAIRN VALIDATE FAILED")
            .contains("Migration 3 \"Seed greetings\" (bean 'seedGreetings') failed earlier")
            .contains("Action:");
        assertThat(history()).isEqualTo(history);
        assertThat(lockLeftBehind()).as("the lock was taken").isFalse();

        Run repair = run("repair", "--cairn.mode=repair");
        assertThat(repair.exitCode()).as(repair.output()).isZero();
        assertThat(repair.output()).contains("WEB SERVER CONTEXT: false")
            .contains("Cairn repair: removed the cairn_migrations rows of 1 migration; they run again on the next"
                    + " migrate")
            .containsPattern("\\| 3 +\\| Seed greetings +\\| JAVA \\| FAILED \\|");
        assertThat(applied()).containsExactly("1", "2");

        Process application = start("application", List.of());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!(listening() && applied().size() == 3)) {
            assertThat(application.isAlive()).as(this.processes.output(application)).isTrue();
            assertThat(System.nanoTime()).as(this.processes.output(application)).isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(this.processes.output(application)).contains("WEB SERVER CONTEXT: true");
        assertThat(this.database.jdbc().queryForObject("SELECT text FROM greetings", String.class))
            .isEqualTo("hello");
    }

    @Test
    void rollbackRevertsToTheTargetAndInfoShowsWhatIsAppliedAndPending() throws Exception {
        migrateInProcess();
        Run rollback = run("rollback", "--cairn.mode=rollback", "--cairn.target=1");
        assertThat(rollback.exitCode()).as(rollback.output()).isZero();
        assertThat(rollback.output()).contains("WEB SERVER CONTEXT: false")
            .contains("Cairn rollback: reverted 2 migrations in ")
            .contains(", from version 3 to version 1\n")
            .containsPattern("\\| 3 +\\| Seed greetings +\\| JAVA \\| PENDING \\|")
            .containsPattern("\\| 2 +\\| add farewells +\\| SQL +\\| PENDING \\|");
        assertThat(applied()).containsExactly("1");
        assertThat(this.database.hasTable("farewells")).isFalse();

        Run info = run("info", "--cairn.mode=info");
        assertThat(info.exitCode()).as(info.output()).isZero();
        assertThat(info.output()).contains("WEB SERVER CONTEXT: false")
            .contains("Cairn info: current version 1 (cairn_migrations), 2 pending")
            .containsPattern("\\| Version \\| Description +\\| Type \\| State +\\| Installed on \\(UTC\\) +\\|"
                    + " Execution time \\|")
            .containsPattern("\\| 1 +\\| Create greetings \\| JAVA \\| APPLIED \\| \\d{4}-\\d\\d-\\d\\dT[^|]+Z \\| \\d+ ms")
            .containsPattern("\\| 2 +\\| add farewells +\\| SQL +\\| PENDING \\| +\\| +\\|");
    }

}
