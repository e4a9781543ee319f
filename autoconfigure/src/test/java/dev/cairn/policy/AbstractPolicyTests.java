package dev.cairn.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.cairn.FutureMigrations;
import dev.cairn.Migration;
import dev.cairn.MigrationException;
import dev.cairn.MigrationInfo;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationSettings;
import dev.cairn.Policy;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What must hold for {@code cairn.policy=append-only} and {@code cairn.future} on every database: breaking scripts and
 * Java migrations are refused before anything runs and say what to do, the escape hatch is recorded, additive ones
 * pass, and an older instance starts against additive migrations of a newer one but not against breaking ones. Each
 * database has a thin subclass.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractPolicyTests {

    private static final String TODOS = "CREATE TABLE todos (id INTEGER PRIMARY KEY, title VARCHAR(20), priority"
            + " INTEGER)";

    @TempDir
    Path directory;

    @TempDir
    Path scripts;

    @TempDir
    Path olderScripts;

    protected TestDatabase database;

    protected abstract TestDatabase createDatabase(Path directory);

    /** A statement that changes the type of todos.priority, {@code null} where the database has none. */
    protected abstract @Nullable String changeType();

    /** A statement that makes todos.title NOT NULL, {@code null} where the database has none. */
    protected abstract @Nullable String setNotNull();

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
    void theFirstMigrationsOnAnEmptyDatabaseAreNotRestricted() throws IOException {
        script("V1__create_todos.sql", TODOS + ";");
        script("V2__drop_todos.sql", "DROP TABLE todos;");
        assertThat(runner().migrate().applied()).hasSize(2);
    }

    @Test
    void refusesDroppingATableNamingTheScriptTheStatementAndWhatToDo() throws IOException {
        script("V1__create_todos.sql", TODOS + ";");
        runner().migrate();
        script("V2__drop_todos.sql", "-- no longer used\n\nDROP TABLE todos;");
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner()::migrate)
            .withMessageContaining("cairn.policy=append-only refuses migration 2 \"drop todos\" (filesystem:"
                    + this.scripts + "/V2__drop_todos.sql)")
            .withMessageContaining("statement at line 3 drops a table: DROP TABLE todos")
            .withMessageContaining("nothing was run")
            .satisfies((ex) -> assertThat(ex.getAction()).contains("stop using it in the application")
                .contains("-- cairn:breaking <reason>"));
        assertThat(appliedVersions()).containsExactly("1");
        assertThat(this.database.jdbc().queryForObject("SELECT COUNT(*) FROM todos", Integer.class)).isZero();
    }

    @Test
    void refusesEachKindOfBreakingStatement() throws IOException {
        script("V1__create_todos.sql", TODOS + ";");
        runner().migrate();
        assertRefused("ALTER TABLE todos DROP COLUMN priority", "drops a column");
        assertRefused("ALTER TABLE todos RENAME COLUMN title TO name", "renames a column");
        assertRefused("ALTER TABLE todos RENAME TO tasks", "renames a table");
        assertRefused("ALTER TABLE todos ADD COLUMN owner VARCHAR(20) NOT NULL", "adds a NOT NULL column");
        assertRefused("FROBNICATE todos", "cannot be read by Cairn's SQL parser");
        if (changeType() != null) {
            assertRefused(changeType(), ": " + changeType());
        }
        if (setNotNull() != null) {
            assertRefused(setNotNull(), "NOT NULL");
        }
        assertThat(appliedVersions()).containsExactly("1");
    }

    @Test
    void appliesAScriptThatBreaksOnPurposeAndRecordsWhy() throws IOException {
        script("V1__create_todos.sql", TODOS + ";");
        runner().migrate();
        script("V2__drop_priority.sql", "-- cairn:breaking priority is unused since 2.0\nALTER TABLE todos DROP COLUMN"
                + " priority;");
        assertThat(runner().migrate().applied()).hasSize(1);
        assertThat(this.database.jdbc().queryForMap("SELECT additive, breaking_reason FROM cairn_migrations WHERE"
                + " version = '2'")).satisfies((row) -> {
                    assertThat(truth(row.get(row.containsKey("additive") ? "additive" : "ADDITIVE"))).isFalse();
                    assertThat(row.values()).contains("priority is unused since 2.0");
                });
    }

    @Test
    void appliesAdditiveScriptsAndRecordsThemAsAdditive() throws IOException {
        script("V1__create_todos.sql", TODOS + ";");
        runner().migrate();
        script("V2__add_done.sql", "ALTER TABLE todos ADD COLUMN done INTEGER DEFAULT 0;\nCREATE INDEX todos_title ON"
                + " todos (title);\nINSERT INTO todos (id, title) VALUES (1, 'a');\nUPDATE todos SET done = 1;");
        assertThat(runner().migrate().applied()).hasSize(1);
        assertThat(runner().status().migrations()).extracting(MigrationInfo::additive).containsExactly(true, true);
    }

    @Test
    void aJavaMigrationMustSayWhetherItIsAdditive() throws IOException {
        script("V1__create_todos.sql", TODOS + ";");
        runner().migrate();
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> runner(new Sql(2, "Backfill", "UPDATE todos SET priority = 1")).migrate())
            .withMessageContaining("migration 2 \"Backfill\" (bean")
            .withMessageContaining("is Java code, which Cairn cannot inspect before it runs")
            .satisfies((ex) -> assertThat(ex.getAction()).contains("Override additive()").contains("breaking()"));
        Migration additive = new Sql(2, "Backfill", "UPDATE todos SET priority = 1") {
            @Override
            public boolean additive() {
                return true;
            }
        };
        assertThat(runner(additive).migrate().applied()).extracting(MigrationInfo::additive).containsExactly(true);
        Migration breaking = new Sql(3, "Drop priority", "ALTER TABLE todos DROP COLUMN priority") {
            @Override
            public String breaking() {
                return "nothing reads priority";
            }
        };
        assertThat(runner(additive, breaking).migrate().applied()).extracting(MigrationInfo::additive)
            .containsExactly(false);
    }

    @Test
    void validateAndDryRunShowTheSameRefusal() throws IOException {
        script("V1__create_todos.sql", TODOS + ";");
        runner().migrate();
        script("V2__drop_todos.sql", "DROP TABLE todos;");
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner()::validate)
            .withMessageContaining("statement at line 1 drops a table");
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner()::dryRun)
            .withMessageContaining("statement at line 1 drops a table");
    }

    @Test
    void anOlderInstanceStartsAgainstAdditiveMigrationsOfANewerOneAndSaysWhich(CapturedOutput output)
            throws IOException {
        newerAndOlder("ALTER TABLE todos ADD COLUMN done INTEGER;");
        assertThat(older(FutureMigrations.FAIL).migrate().applied()).isEmpty();
        assertThat(output).contains("Schema is at version 3, ahead of this application, whose migrations end at"
                + " version 2: 3 was applied by a newer version of it. They were all additive");
    }

    @Test
    void anOlderInstanceRefusesToStartAgainstABreakingMigrationOfANewerOne(CapturedOutput output) throws IOException {
        newerAndOlder("-- cairn:breaking priority is unused\nALTER TABLE todos DROP COLUMN priority;");
        assertThatExceptionOfType(MigrationException.class).isThrownBy(older(FutureMigrations.FAIL)::migrate)
            .withMessageContaining("migration 3 \"newer\" broke older versions on purpose (priority is unused)")
            .satisfies((ex) -> assertThat(ex.getAction()).contains("Deploy the newer version")
                .contains("cairn.future=warn"));
        assertThat(older(FutureMigrations.WARN).migrate().applied()).isEmpty();
        assertThat(output).contains("WARN").contains("Not all of them were additive");
        assertThat(older(FutureMigrations.IGNORE).migrate().applied()).isEmpty();
    }

    @Test
    void upgradesAHistoryTableWithoutTheAdditiveColumnInPlaceKeepingItsRows() throws IOException {
        script("V1__create_todos.sql", TODOS + ";");
        script("V2__add_done.sql", "ALTER TABLE todos ADD COLUMN done INTEGER;");
        runner().migrate();
        this.database.jdbc().execute("ALTER TABLE cairn_migrations DROP COLUMN breaking_reason");
        this.database.jdbc().execute("ALTER TABLE cairn_migrations DROP COLUMN additive");
        assertThat(runner().status().migrations()).extracting(MigrationInfo::additive).containsExactly(null, null);
        script("V3__add_owner.sql", "ALTER TABLE todos ADD COLUMN owner VARCHAR(20);");
        assertThat(runner().migrate().applied()).hasSize(1);
        assertThat(runner().status().migrations()).extracting(MigrationInfo::additive)
            .containsExactly(null, null, true);
        Files.delete(this.scripts.resolve("V3__add_owner.sql"));
        Files.delete(this.scripts.resolve("V2__add_done.sql"));
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner()::migrate)
            .withMessageContaining("migration 2 \"add done\" has no record of whether it was additive");
    }

    private void newerAndOlder(String third) throws IOException {
        script("V1__create_todos.sql", TODOS + ";");
        script("V2__add_done.sql", "CREATE INDEX todos_title ON todos (title);");
        for (String name : List.of("V1__create_todos.sql", "V2__add_done.sql")) {
            Files.copy(this.scripts.resolve(name), this.olderScripts.resolve(name));
        }
        script("V3__newer.sql", third);
        assertThat(runner().migrate().applied()).hasSize(3);
    }

    private MigrationRunner older(FutureMigrations future) {
        return new MigrationRunner(this.database.dataSource(), List.of(), MigrationSettings.defaults()
            .withLocations(List.of("filesystem:" + this.olderScripts))
            .withPolicy(Policy.APPEND_ONLY)
            .withFutureMigrations(future));
    }

    private void assertRefused(String statement, String effect) throws IOException {
        script("V2__change.sql", statement + ";");
        assertThatExceptionOfType(MigrationException.class).as(statement).isThrownBy(runner()::migrate)
            .withMessageContaining("refuses migration 2 \"change\"")
            .withMessageContaining("statement at line 1 ")
            .withMessageContaining(effect);
        Files.delete(this.scripts.resolve("V2__change.sql"));
    }

    private List<String> appliedVersions() {
        return this.database.jdbc().queryForList("SELECT version FROM cairn_migrations ORDER BY installed_rank",
                String.class);
    }

    private static boolean truth(Object value) {
        return (value instanceof Boolean bool) ? bool : ((Number) value).intValue() != 0;
    }

    protected MigrationRunner runner(Migration... migrations) {
        return new MigrationRunner(this.database.dataSource(), List.of(migrations), MigrationSettings.defaults()
            .withLocations(List.of("filesystem:" + this.scripts))
            .withPolicy(Policy.APPEND_ONLY));
    }

    protected void script(String name, String content) throws IOException {
        Path file = this.scripts.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

}
