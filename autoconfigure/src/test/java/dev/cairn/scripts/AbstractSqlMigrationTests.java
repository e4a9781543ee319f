package dev.cairn.scripts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cairn.MigrateResult;
import dev.cairn.Migration;
import dev.cairn.MigrationContext;
import dev.cairn.MigrationException;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationInfo;
import dev.cairn.MigrationCallback;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationSettings;
import dev.cairn.MigrationState;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestMigrations;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What must hold for SQL script migrations on every database: found in a location, applied in version order
 * together with Java migrations, validated by checksum, repeatable, reverted by undo scripts, with placeholders,
 * callbacks and failures that name the statement. Each database has a thin subclass.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractSqlMigrationTests {

    @TempDir
    Path directory;

    @TempDir
    Path scripts;

    protected TestDatabase database;

    protected abstract TestDatabase createDatabase(Path directory);

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
    void appliesScriptsAndJavaMigrationsInOneVersionOrder() throws IOException {
        script("V1__create_log.sql", "CREATE TABLE log (entry VARCHAR(20));\nINSERT INTO log VALUES ('sql 1');\n");
        script("V1_1__second.sql", "INSERT INTO log VALUES ('sql 1.1');");
        script("sub/V3__third.sql", "-- a comment; with a semicolon\nINSERT INTO log VALUES ('sql 3')");
        Migration java = new Sql(2, "Java two", "INSERT INTO log VALUES ('java 2')");
        MigrateResult result = runner(java).migrate();
        assertThat(result.applied()).extracting((migration) -> migration.version().toString(), MigrationInfo::type,
                MigrationInfo::script)
            .containsExactly(tuple("1", "SQL", "V1__create_log.sql"), tuple("1.1", "SQL", "V1_1__second.sql"),
                    tuple("2", "JAVA", null), tuple("3", "SQL", "sub/V3__third.sql"));
        assertThat(log()).containsExactly("sql 1", "sql 1.1", "java 2", "sql 3");
        assertThat(this.database.jdbc().queryForList("SELECT description FROM cairn_migrations ORDER BY"
                + " installed_rank", String.class)).containsExactly("create log", "second", "Java two", "third");
        assertThat(runner(java).migrate().applied()).isEmpty();
    }

    @Test
    void refusesAnAppliedScriptThatWasEditedAndNamesIt() throws IOException {
        script("V1__create_log.sql", "CREATE TABLE log (entry VARCHAR(20));");
        runner().migrate();
        script("V1__create_log.sql", "CREATE TABLE log (entry VARCHAR(30));");
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner()::migrate)
            .withMessageContaining("Applied migration 1 \"create log\" (filesystem:" + this.scripts
                    + "/V1__create_log.sql) was changed: its checksum is")
            .satisfies((ex) -> assertThat(ex.getAction()).contains("V1__create_log.sql"));
    }

    @Test
    void runsRepeatableScriptsAfterVersionedOnesAndAgainOnlyWhenChanged() throws IOException {
        script("V1__create_log.sql", "CREATE TABLE log (entry VARCHAR(20));");
        script("R__b_second.sql", "INSERT INTO log VALUES ('b')");
        script("R__a_first.sql", "INSERT INTO log VALUES ('a')");
        script("V2__more.sql", "INSERT INTO log VALUES ('v2')");
        runner().migrate();
        assertThat(log()).containsExactly("v2", "a", "b");
        assertThat(runner().migrate().applied()).isEmpty();
        script("R__b_second.sql", "INSERT INTO log VALUES ('b2')");
        assertThat(runner().migrate().applied()).extracting(MigrationInfo::description).containsExactly("b second");
        assertThat(log()).containsExactly("v2", "a", "b", "b2");
        assertThat(runner().status().migrations()).extracting(MigrationInfo::description, MigrationInfo::state)
            .containsExactly(tuple("create log", MigrationState.APPLIED), tuple("more", MigrationState.APPLIED),
                    tuple("a first", MigrationState.APPLIED), tuple("b second", MigrationState.APPLIED));
    }

    @Test
    void aFailingStatementIsNamedWithItsScriptLineAndTheDatabasesMessage() throws IOException {
        script("V1__create_log.sql", "CREATE TABLE log (entry VARCHAR(20));");
        script("V2__broken.sql", "INSERT INTO log VALUES ('one');\n\n-- the next one is wrong\nINSERT INTO"
                + " missing_table\n  VALUES ('two');\nINSERT INTO log VALUES ('three');\n");
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(runner()::migrate)
            .satisfies((ex) -> {
                assertThat(ex.getOrigin()).isEqualTo("filesystem:" + this.scripts + "/V2__broken.sql");
                assertThat(ex.getLine()).isEqualTo(4);
                assertThat(ex.getStatement()).isEqualTo("INSERT INTO missing_table\n  VALUES ('two')");
                assertThat(ex.getMessage())
                    .contains("Migration 2 \"broken\" (filesystem:" + this.scripts + "/V2__broken.sql) failed in"
                            + " up() at line 4: ")
                    .contains("Statement: INSERT INTO missing_table VALUES ('two')")
                    .containsIgnoringCase("missing_table");
            });
        assertThat(log()).as("the failed migration left nothing (or is recorded FAILED)").doesNotContain("three");
    }

    @Test
    void aFailingStatementOfAJavaMigrationIsNamed() {
        Migration java = new Sql(1, "Java broken", "CREATE TABLE log (entry VARCHAR(20))",
                "INSERT INTO no_such_table VALUES (1)");
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(runner(java)::migrate)
            .satisfies((ex) -> assertThat(ex.getStatement()).isEqualTo("INSERT INTO no_such_table VALUES (1)"))
            .withMessageContaining("Statement: INSERT INTO no_such_table VALUES (1)")
            .withMessageContaining("(bean '");
    }

    @Test
    void refusesAVersionThatAScriptAndABeanShareNamingBoth() throws IOException {
        script("V2__twice.sql", "SELECT 1");
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(runner(new Sql(2, "Also two"), new Sql(1, "One"))::migrate)
            .withMessageContaining("Invalid migrations, nothing was changed")
            .withMessageContaining("filesystem:" + this.scripts + "/V2__twice.sql")
            .withMessageContaining("both have version 2")
            .withMessageContaining("bean '");
        assertThat(this.database.hasTable("cairn_migrations")).isFalse();
    }

    @Test
    void anUndoScriptMakesAScriptReversible() throws IOException {
        script("V1__create_a.sql", "CREATE TABLE a (id INTEGER);");
        script("U1__create_a.sql", "DROP TABLE a;");
        script("V2__create_b.sql", "CREATE TABLE b (id INTEGER);");
        script("U2__create_b.sql", "DROP TABLE b;");
        MigrationRunner runner = runner();
        runner.migrate();
        assertThat(runner.status().migrations()).allSatisfy((migration) -> assertThat(migration.reversible()).isTrue());
        assertThat(runner.rollbackTo(1).reverted()).extracting(TestMigrations::version).containsExactly(2L);
        assertThat(this.database.hasTable("b")).isFalse();
        assertThat(this.database.hasTable("a")).isTrue();
        assertThat(runner.migrate().applied()).extracting(TestMigrations::version).containsExactly(2L);
        assertThat(this.database.hasTable("b")).isTrue();
    }

    @Test
    void replacesPlaceholdersAndRefusesAnUnknownOneBeforeAnythingRuns() throws IOException {
        script("V1__create_log.sql", "CREATE TABLE log (entry VARCHAR(60));");
        script("V2__placeholders.sql", "INSERT INTO log VALUES ('${who}');\nINSERT INTO log VALUES"
                + " ('${flyway:table} ${cairn:filename}');\n");
        MigrationSettings settings = MigrationSettings.defaults()
            .withLocations(List.of("filesystem:" + this.scripts))
            .withPlaceholders(Map.of("who", "world"));
        new MigrationRunner(this.database.dataSource(), List.of(), settings).migrate();
        assertThat(log()).containsExactly("world", "cairn_migrations V2__placeholders.sql");
        script("V3__unknown.sql", "INSERT INTO log VALUES ('fine');\n\nINSERT INTO log VALUES ('${nobody}');");
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(new MigrationRunner(this.database.dataSource(), List.of(), settings)::migrate)
            .withMessageContaining("${nobody}")
            .withMessageContaining("V3__unknown.sql")
            .withMessageContaining("line 3");
        assertThat(log()).doesNotContain("fine");
    }

    @Test
    void leavesPlaceholdersAloneWhenReplacementIsOff() throws IOException {
        script("V1__create_log.sql", "CREATE TABLE log (entry VARCHAR(60));\nINSERT INTO log VALUES ('${kept}');");
        new MigrationRunner(this.database.dataSource(), List.of(), MigrationSettings.defaults()
            .withLocations(List.of("filesystem:" + this.scripts))
            .withPlaceholderReplacement(false)).migrate();
        assertThat(log()).containsExactly("${kept}");
    }

    @Test
    void replacesPlaceholdersWrittenWithAnotherPrefixAndSuffix() throws IOException {
        script("V1__create_log.sql", "CREATE TABLE log (entry VARCHAR(60));\nINSERT INTO log VALUES ('#[who] ${kept}');"
                + "\nINSERT INTO log VALUES ('#[flyway:table]');");
        MigrationSettings settings = MigrationSettings.defaults()
            .withLocations(List.of("filesystem:" + this.scripts))
            .withPlaceholders(Map.of("who", "world"))
            .withPlaceholderDelimiters("#[", "]");
        new MigrationRunner(this.database.dataSource(), List.of(), settings).migrate();
        assertThat(log()).containsExactly("world ${kept}", "cairn_migrations");
    }

    @Test
    void runsCallbackScriptsAndCallbackBeansAroundTheRunAndEachMigration() throws IOException {
        this.database.jdbc().execute("CREATE TABLE events (event VARCHAR(60))");
        script("V1__one.sql", "INSERT INTO events VALUES ('migration 1')");
        script("V2__two.sql", "INSERT INTO events VALUES ('migration 2')");
        script("beforeMigrate.sql", "INSERT INTO events VALUES ('beforeMigrate.sql')");
        script("afterEachMigrate__note.sql", "INSERT INTO events VALUES ('afterEachMigrate.sql')");
        script("afterMigrate.sql", "INSERT INTO events VALUES ('afterMigrate.sql')");
        List<String> heard = new ArrayList<>();
        MigrationCallback callback = new MigrationCallback() {
            @Override
            public void beforeEachMigrate(MigrationContext context) {
                heard.add("before " + context.migration().version());
                context.jdbc().update("INSERT INTO events VALUES (?)", "listener " + context.migration().version());
            }

            @Override
            public void afterMigrateApplied(MigrationContext context, MigrateResult result) {
                heard.add("applied " + result.applied().size());
            }
        };
        MigrationRunner runner = MigrationRunner.builder(this.database.dataSource())
            .settings(MigrationSettings.defaults()
                .withLocations(List.of("filesystem:" + this.scripts))
                .withBaselineOnMigrate(true)
                .withBaselineVersion(dev.cairn.Version.of(0)))
            .callbacks(List.of(callback))
            .build();
        runner.migrate();
        assertThat(this.database.jdbc().queryForList("SELECT event FROM events", String.class)).containsExactly(
                "beforeMigrate.sql", "listener 1", "migration 1", "afterEachMigrate.sql", "listener 2",
                "migration 2", "afterEachMigrate.sql", "afterMigrate.sql");
        assertThat(heard).containsExactly("before 1", "before 2", "applied 2");
    }

    @Test
    void warnsAboutAFileThatLooksLikeAMigrationButIsNotOne(CapturedOutput output) throws IOException {
        script("V1__create_log.sql", "CREATE TABLE log (entry VARCHAR(20));");
        script("V2_remove_x.sql", "DROP TABLE log;");
        assertThat(runner().migrate().applied()).hasSize(1);
        assertThat(output).contains("WARN").contains("V2_remove_x.sql").contains("V2__remove_x.sql");
        assertThat(this.database.hasTable("log")).isTrue();
    }

    @Test
    void aScriptThatSaysSoRunsWithoutATransaction() throws IOException {
        script("V1__create_log.sql", "CREATE TABLE log (entry VARCHAR(20));");
        script("V2__plain.sql", "-- cairn:no-transaction\nINSERT INTO log VALUES ('plain');\nINSERT INTO nowhere"
                + " VALUES (1);");
        script("V3__conf.sql", "INSERT INTO log VALUES ('conf');");
        script("V3__conf.sql.conf", "executeInTransaction=false\n");
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(runner()::migrate)
            .satisfies((ex) -> assertThat(ex.isChangesMayRemain()).isTrue());
        assertThat(log()).as("without a transaction the first statement stays").containsExactly("plain");
        assertThat(runner().status().migrations()).extracting(TestMigrations::version, MigrationInfo::state)
            .containsExactly(tuple(1L, MigrationState.APPLIED), tuple(2L, MigrationState.FAILED),
                    tuple(3L, MigrationState.PENDING));
        script("V2__plain.sql", "-- cairn:no-transaction\nINSERT INTO log VALUES ('plain again');");
        this.database.jdbc().update("DELETE FROM log");
        assertThat(runner().repair()).hasSize(1);
        assertThat(runner().migrate().applied()).extracting(TestMigrations::version).containsExactly(2L, 3L);
        assertThat(log()).containsExactly("plain again", "conf");
    }

    protected MigrationRunner runner(Migration... migrations) {
        return new MigrationRunner(this.database.dataSource(), List.of(migrations),
                MigrationSettings.defaults().withLocations(List.of("filesystem:" + this.scripts)));
    }

    protected void script(String name, String content) throws IOException {
        Path file = this.scripts.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    protected List<String> log() {
        return this.database.jdbc().queryForList("SELECT entry FROM log", String.class);
    }


}
