package dev.cairn.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.cairn.BackupInfo;
import dev.cairn.BackupMode;
import dev.cairn.Migration;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationSettings;
import dev.cairn.Version;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Backups before migrations that destroy data, on every database: taken, kept, listed, restored by hand and, where
 * the database cannot roll a failed migration back, restored automatically. Each database has a thin subclass.
 */
abstract class AbstractBackupTests {

    private static final Migration CREATE_TODOS = new Sql(1, "Step 1",
            "CREATE TABLE todos (id INTEGER NOT NULL PRIMARY KEY, title VARCHAR(100) NOT NULL)",
            "INSERT INTO todos (id, title) VALUES (1, 'Write'), (2, 'Test'), (3, 'Ship')");

    @TempDir
    Path directory;

    protected TestDatabase database;

    protected abstract TestDatabase createDatabase(Path directory);

    /**
     * Whether the database rolls a failed migration's DDL back itself.
     * @return {@code false} for MariaDB and MySQL
     */
    protected abstract boolean rollsBackDdl();

    @BeforeEach
    void createDatabase() {
        this.database = createDatabase(this.directory);
    }

    @AfterEach
    void dropDatabase() {
        if (this.database != null) {
            this.database.close();
        }
    }

    @Test
    void aMigrationThatDestroysATableIsPrecededByABackupThatRestoresItsData() {
        MigrationRunner runner = runner(settings(), CREATE_TODOS,
                new Sql(2, "Step 2", "DELETE FROM todos WHERE id > 1", "UPDATE todos SET title = 'Gone'")
                    .destroying("todos"));
        runner.migrate();
        assertThat(titles()).containsExactly("Gone");
        List<BackupInfo> backups = runner.backups();
        assertThat(backups).singleElement().satisfies((backup) -> {
            assertThat(backup.version()).isEqualTo("2");
            assertThat(backup.description()).isEqualTo("Step 2");
            assertThat(backup.restoredAt()).isNull();
        });
        runner.restore(backups.get(0).id());
        assertThat(titles()).as("the data as it was before migration 2").containsExactly("Write", "Test", "Ship");
        assertThat(runner.backups().get(0).restoredAt()).isNotNull();
    }

    @Test
    void aMigrationThatDestroysNothingIsNotBackedUpUnlessEveryMigrationIsAsked() {
        MigrationRunner runner = runner(settings(), CREATE_TODOS, new Sql(2, "Step 2", "DELETE FROM todos"));
        runner.migrate();
        assertThat(runner.backups()).isEmpty();

        this.database.jdbc().execute("DROP TABLE todos");
        this.database.jdbc().execute("DELETE FROM cairn_migrations");
        MigrationRunner all = runner(settings().withBackups(BackupMode.ALL, backupDirectory(), 5), CREATE_TODOS,
                new Sql(2, "Step 2", "DELETE FROM todos"));
        all.migrate();
        assertThat(all.backups()).extracting(BackupInfo::version).containsExactly("2", "1");
        all.restore(all.backups().get(0).id());
        assertThat(titles()).containsExactly("Write", "Test", "Ship");
    }

    @Test
    void noBackupIsTakenWhenBackupsAreOff() {
        MigrationRunner runner = runner(settings().withBackups(BackupMode.OFF, backupDirectory(), 5), CREATE_TODOS,
                new Sql(2, "Step 2", "DELETE FROM todos").destroying("todos"));
        runner.migrate();
        assertThat(runner.backups()).isEmpty();
    }

    @Test
    void onlyTheNewestBackupsAreKept() {
        MigrationRunner runner = runner(settings().withBackups(BackupMode.DESTRUCTIVE, backupDirectory(), 2),
                CREATE_TODOS, new Sql(2, "Step 2", "DELETE FROM todos WHERE id = 3").destroying("todos"),
                new Sql(3, "Step 3", "DELETE FROM todos WHERE id = 2").destroying("todos"),
                new Sql(4, "Step 4", "DELETE FROM todos WHERE id = 1").destroying("todos"));
        runner.migrate();
        assertThat(runner.backups()).extracting(BackupInfo::version).containsExactly("4", "3");
        runner.restore(runner.backups().get(1).id());
        assertThat(titles()).as("as before migration 3").containsExactly("Write", "Test");
    }

    @Test
    void aFailedMigrationThatDestroyedRowsGetsThemBackWhereTheDatabaseCannotRollBack() {
        // On MariaDB the DDL after the DELETE commits it: only the backup can bring the rows back.
        MigrationRunner runner = runner(settings(), CREATE_TODOS,
                new Sql(2, "Step 2", "DELETE FROM todos WHERE id > 1", "CREATE TABLE side_table (id INTEGER)",
                        "INSERT INTO missing_table VALUES (1)")
                    .destroying("todos"));
        MigrationFailedException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                MigrationFailedException.class, runner::migrate);
        assertThat(failure).isNotNull();
        assertThat(titles()).as("nothing is lost").containsExactly("Write", "Test", "Ship");
        if (!rollsBackDdl()) {
            assertThat(failure).hasMessageContaining("Migration 2 \"Step 2\"")
                .hasMessageContaining("so it is recorded as FAILED. Cairn restored the rows of todos from backup 1"
                        + " of todos, taken before migration 2; what else it changed may remain.");
            assertThat(this.database.jdbc().queryForObject("SELECT COUNT(*) FROM cairn_migrations WHERE version = '2'"
                    + " AND success = ?", Integer.class, false)).as("FAILED until repaired: side_table remains")
                .isOne();
            assertThat(runner.backups().get(0).restoredAt()).isNotNull();
        }
        else {
            assertThat(runner.status().currentVersion()).isEqualTo(Version.of(1));
        }
    }

    @Test
    void aTableThatOtherTablesReferenceIsNotRestoredAndNothingChanges() {
        org.junit.jupiter.api.Assumptions.assumeFalse(this.database.kind().equals("SQLite"),
                "SQLite restores the whole file");
        MigrationRunner runner = runner(settings(), CREATE_TODOS,
                new Sql(2, "Step 2", "CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, todo_id INTEGER"
                        + " REFERENCES todos (id))", "INSERT INTO notes (id, todo_id) VALUES (1, 1)"),
                new Sql(3, "Step 3", "UPDATE todos SET title = 'Gone'").destroying("todos"));
        runner.migrate();
        assertThatExceptionOfType(dev.cairn.MigrationException.class)
            .isThrownBy(() -> runner.restore(runner.backups().get(0).id()))
            .withMessageContaining("Cannot restore todos from backup 1 of todos")
            .withMessageContaining("other tables' foreign keys point at it");
        assertThat(titles()).as("nothing was changed").containsExactly("Gone", "Gone", "Gone");
    }

    @Test
    void anSqlScriptNamesTheTablesItDestroysInAComment() throws Exception {
        Path scripts = Files.createDirectories(this.directory.resolve("scripts"));
        Files.writeString(scripts.resolve("V1__create_todos.sql"), "CREATE TABLE todos (id INTEGER NOT NULL PRIMARY"
                + " KEY, title VARCHAR(100) NOT NULL);\nINSERT INTO todos (id, title) VALUES (1, 'Write'),"
                + " (2, 'Ship');\n");
        Files.writeString(scripts.resolve("V2__forget_todos.sql"), "-- Keeps only the first todo.\n"
                + "-- cairn:destroys todos\nDELETE FROM todos WHERE id > 1;\n");
        MigrationRunner runner = runner(settings().withLocations(List.of("filesystem:" + scripts)));
        runner.migrate();
        assertThat(titles()).containsExactly("Write");
        assertThat(runner.backups()).singleElement()
            .satisfies((backup) -> assertThat(backup.description()).isEqualTo("forget todos"));
        runner.restore(runner.backups().get(0).id());
        assertThat(titles()).containsExactly("Write", "Ship");
    }

    @Test
    void aMisspeltDirectiveStopsTheScriptBeforeItRuns() throws Exception {
        Path scripts = Files.createDirectories(this.directory.resolve("misspelt"));
        Files.writeString(scripts.resolve("V1__create_todos.sql"), "CREATE TABLE todos (id INTEGER NOT NULL PRIMARY"
                + " KEY, title VARCHAR(100) NOT NULL);\nINSERT INTO todos (id, title) VALUES (1, 'Write');\n");
        Files.writeString(scripts.resolve("V2__forget_todos.sql"), "-- cairn:destroy todos\nDELETE FROM todos;\n");
        MigrationRunner runner = runner(settings().withLocations(List.of("filesystem:" + scripts)));
        assertThatExceptionOfType(dev.cairn.MigrationException.class).isThrownBy(runner::migrate)
            .withMessageContaining("V2__forget_todos.sql, line 1: unknown directive cairn:destroy; nothing was run");
        assertThat(titles()).containsExactly("Write");
        assertThat(runner.backups()).isEmpty();
    }

    protected MigrationSettings settings() {
        return MigrationSettings.defaults().withBackups(BackupMode.DESTRUCTIVE, backupDirectory(), 5);
    }

    protected Path backupDirectory() {
        return this.directory.resolve("backups");
    }

    protected MigrationRunner runner(MigrationSettings settings, Migration... migrations) {
        return new MigrationRunner(this.database.dataSource(), List.of(migrations), settings);
    }

    protected List<String> titles() {
        return this.database.jdbc().queryForList("SELECT title FROM todos ORDER BY id", String.class);
    }

}
