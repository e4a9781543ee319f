package dev.cairn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.cairn.lock.MigrationLock;
import dev.cairn.lock.SqliteFileLock;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestMigrations;
import dev.cairn.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The runner's behaviour on an SQLite file, and its lock file.
 */
@ExtendWith(OutputCaptureExtension.class)
class SqliteMigrationRunnerTests extends AbstractMigrationRunnerTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqlite(directory);
    }

    @Override
    protected boolean rollsBackDdl() {
        return true;
    }

    @Test
    void locksAFileBesideTheDatabaseAndLeavesItEmptyAfterwards() throws Exception {
        runner(log(1)).migrate();
        assertThat(lockFile()).as("the lock file is left in place, empty").isEmptyFile();
        assertThat(this.database.hasTable("cairn_migrations_lock")).as("no lease table").isFalse();
    }

    @Test
    void logsWhoHoldsTheLockWhileWaiting(CapturedOutput output) throws Exception {
        runner(log(1)).migrate();
        MigrationLock holder = SqliteFileLock.forDatabase(this.database.dataSource(), "cairn_migrations", () -> {
            throw new AssertionError("the lock file was usable");
        });
        holder.acquire(Duration.ofSeconds(1));
        try {
            MigrationRunner runner = new MigrationRunner(this.database.dataSource(), List.of(log(1), log(2)),
                    MigrationSettings.defaults().withLockWaitTimeout(Duration.ofMillis(5600)));
            assertThatExceptionOfType(MigrationLockException.class).isThrownBy(runner::migrate);
        }
        finally {
            holder.release();
        }
        assertThat(output).containsPattern("Waiting for the migration lock " + Pattern.quote(lockFile().toString())
                + " held by \\S+ \\(pid " + ProcessHandle.current().pid() + ", thread "
                + Pattern.quote(Thread.currentThread().getName()) + "\\), since \\S+Z \\(5 s so far\\)");
        assertThat(logged()).containsExactly(1L);
    }

    @Test
    void logsTwoLinesAtInfoHoweverManyMigrationsItApplies(CapturedOutput output) {
        List<Migration> migrations = new ArrayList<>();
        for (int version = 1; version <= 12; version++) {
            migrations.add(log(version));
        }
        new MigrationRunner(this.database.dataSource(), migrations).migrate();
        assertThat(output).contains("Applying 12 migrations: 1 \"Log 1\", 2 \"Log 2\", 3 \"Log 3\"")
            .contains("10 \"Log 10\" and 2 more up to 12 \"Log 12\"")
            .contains("Migrated 12 migrations to version 12 in ")
            .doesNotContain("Applied migration");
        new MigrationRunner(this.database.dataSource(), migrations).migrate();
        assertThat(output).contains("Schema is up to date at version 12");
    }

    @Test
    void warnsWhenItStartsBehindTheSchemaAsInARollingDeploy(CapturedOutput output) {
        runner(log(1), log(2), log(3)).migrate();
        MigrateResult older = new MigrationRunner(this.database.dataSource(), List.of(log(1)),
                MigrationSettings.defaults().withFutureMigrations(FutureMigrations.WARN)).migrate();
        assertThat(older.applied()).isEmpty();
        assertThat(older.currentVersion()).hasToString("3");
        assertThat(output).contains("WARN")
            .contains("Schema is at version 3, ahead of this application, whose migrations end at version 1: 2, 3"
                    + " were applied by a newer version of it. Not all of them were additive: migration 2 \"Log 2\""
                    + " was not additive")
            .contains("Starting with the schema as they left it")
            .doesNotContain("Schema is up to date at version 3");
    }

    @Test
    void keepsTheFilesUserVersionEqualToTheCurrentVersion() {
        runner(log(1), log(2), new TestMigrations.Reversible(3, "Create notes", "CREATE TABLE notes (id INTEGER)",
                "DROP TABLE notes")).migrate();
        assertThat(this.database.userVersion()).isEqualTo(3);
        runner(log(1), log(2), new TestMigrations.Reversible(3, "Create notes", "CREATE TABLE notes (id INTEGER)",
                "DROP TABLE notes")).rollbackTo(2);
        assertThat(this.database.userVersion()).as("after a rollback").isEqualTo(2);
        MigrationRunner failing = runner(log(1), log(2), log(4), new TestMigrations.Failing(5, "Broken",
                "CREATE TABLE broken (id INTEGER)"));
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(failing::migrate);
        assertThat(this.database.userVersion()).as("up to the last committed migration").isEqualTo(4);
    }

    private Path lockFile() throws Exception {
        String url = this.database.url();
        Path file = Path.of(url.substring("jdbc:sqlite:".length(), url.indexOf('?'))).toRealPath();
        return file.resolveSibling(file.getFileName() + "-cairn.lock");
    }

}
