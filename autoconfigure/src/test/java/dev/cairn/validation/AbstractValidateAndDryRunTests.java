package dev.cairn.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.cairn.DryRunResult;
import dev.cairn.DryRunResult.PendingMigration;
import dev.cairn.DryRunResult.Statement;
import dev.cairn.Migration;
import dev.cairn.MigrationException;
import dev.cairn.MigrationInfo;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationSettings;
import dev.cairn.MigrationState;
import dev.cairn.ValidateResult;
import dev.cairn.Version;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestMigrations;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What must hold for {@link MigrationRunner#validate()} and {@link MigrationRunner#dryRun()} on every database: they
 * refuse what {@code migrate()} refuses, naming the migration, report what is pending, and change nothing. Each
 * database has a thin subclass.
 */
abstract class AbstractValidateAndDryRunTests {

    private static final Migration JAVA_THREE = new Sql(3, "Java three", "INSERT INTO log VALUES ('java 3')");

    @TempDir
    Path directory;

    @TempDir
    protected Path scripts;

    protected TestDatabase database;

    protected abstract TestDatabase createDatabase(Path directory);

    @BeforeEach
    void createDatabase() throws IOException {
        this.database = createDatabase(this.directory);
        script("V1__create_log.sql", "CREATE TABLE log (entry VARCHAR(60));");
        script("V2__greet.sql", "-- says hello\nINSERT INTO log VALUES ('${who}');\n\nINSERT INTO log\n"
                + "  VALUES ('again');\n");
    }

    @AfterEach
    void dropDatabase() {
        if (this.database != null) {
            this.database.close();
        }
    }

    @Test
    void validateReportsWhatIsPendingAsNoErrorAndChangesNothing() {
        ValidateResult fresh = runner(MigrationSettings.defaults()).validate();
        assertThat(fresh.pending()).extracting(TestMigrations::version).containsExactly(1L, 2L, 3L);
        assertThat(fresh.status().currentVersion()).isNull();
        assertThat(fresh.status().migrations()).extracting(MigrationInfo::state).containsOnly(MigrationState.PENDING);
        assertThat(this.database.hasTable("cairn_migrations")).isFalse();
        assertThat(this.database.hasTable("log")).isFalse();

        runner(MigrationSettings.defaults().withTarget(1)).migrate();
        ValidateResult partly = runner(MigrationSettings.defaults()).validate();
        assertThat(partly.status().currentVersion()).hasToString("1");
        assertThat(partly.pending()).extracting(TestMigrations::version).containsExactly(2L, 3L);
        assertThat(runner(MigrationSettings.defaults().withTarget(2)).validate().pending())
            .extracting(TestMigrations::version).containsExactly(2L);
        assertThat(log()).isEmpty();
    }

    @Test
    void validateRefusesWhatMigrateRefusesNamingTheMigrationAndChangesNothing() throws IOException {
        this.database.jdbc().execute("CREATE TABLE orders (id INTEGER)");
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner(MigrationSettings.defaults())::validate)
            .withMessageContaining("already has a schema (tables orders) but no history table");
        assertThat(this.database.hasTable("cairn_migrations")).isFalse();
        this.database.jdbc().execute("DROP TABLE orders");

        runner(MigrationSettings.defaults()).migrate();
        List<Map<String, Object>> history = history();
        script("V1__create_log.sql", "CREATE TABLE log (entry VARCHAR(61));");
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner(MigrationSettings.defaults())::validate)
            .withMessageContaining("Applied migration 1 \"create log\" (filesystem:" + this.scripts
                    + "/V1__create_log.sql) was changed");
        script("V1__create_log.sql", "CREATE TABLE log (entry VARCHAR(60));");

        script("V0_5__late.sql", "SELECT 1");
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner(MigrationSettings.defaults())::validate)
            .withMessageContaining("Pending migration 0.5 \"late\"")
            .withMessageContaining("below the current version 3");
        Files.delete(this.scripts.resolve("V0_5__late.sql"));

        script("V4__unfinished.sql", "INSERT INTO log VALUES ('not closed);\n");
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner(MigrationSettings.defaults())::validate)
            .withMessageContaining("V4__unfinished.sql, line 1");
        Files.delete(this.scripts.resolve("V4__unfinished.sql"));

        this.database.jdbc().update("UPDATE cairn_migrations SET success = ? WHERE version = '2'", false);
        history = history();
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner(MigrationSettings.defaults())::validate)
            .withMessageContaining("Migration 2 \"greet\" (filesystem:" + this.scripts + "/V2__greet.sql) failed"
                    + " earlier");
        assertThat(history()).isEqualTo(history);
        assertThat(log()).containsExactly("world", "again", "java 3");
    }

    @Test
    void aDryRunListsThePendingStatementsInOrderWithTheirLinesAndChangesNothing() {
        runner(MigrationSettings.defaults().withTarget(1)).migrate();
        List<Map<String, Object>> history = history();
        DryRunResult plan = runner(MigrationSettings.defaults()).dryRun();
        assertThat(plan.currentVersion()).isEqualTo(Version.of(1));
        assertThat(plan.resultingVersion()).isEqualTo(Version.of(3));
        assertThat(plan.pending()).extracting((migration) -> String.valueOf(migration.version()),
                PendingMigration::type, PendingMigration::transactional)
            .containsExactly(tuple("2", "SQL", true), tuple("3", "JAVA", true));
        PendingMigration script = plan.pending().get(0);
        assertThat(script.origin()).isEqualTo("filesystem:" + this.scripts + "/V2__greet.sql");
        assertThat(script.statements()).containsExactly(new Statement(2, "INSERT INTO log VALUES ('world')"),
                new Statement(4, "INSERT INTO log\n  VALUES ('again')"));
        PendingMigration java = plan.pending().get(1);
        assertThat(java.description()).isEqualTo("Java three");
        assertThat(java.origin()).startsWith("bean '");
        assertThat(java.statements()).as("known only when it runs").isNull();
        assertThat(history()).isEqualTo(history);
        assertThat(log()).isEmpty();

        runner(MigrationSettings.defaults()).migrate();
        DryRunResult upToDate = runner(MigrationSettings.defaults()).dryRun();
        assertThat(upToDate.pending()).isEmpty();
        assertThat(upToDate.resultingVersion()).isEqualTo(Version.of(3));
    }

    protected MigrationRunner runner(MigrationSettings settings) {
        return new MigrationRunner(this.database.dataSource(), List.of(JAVA_THREE),
                settings.withLocations(List.of("filesystem:" + this.scripts)).withPlaceholders(Map.of("who", "world")));
    }

    protected void script(String name, String content) throws IOException {
        Files.writeString(this.scripts.resolve(name), content, StandardCharsets.UTF_8);
    }

    private List<String> log() {
        return this.database.jdbc().queryForList("SELECT entry FROM log", String.class);
    }

    private List<Map<String, Object>> history() {
        return this.database.jdbc().queryForList("SELECT * FROM cairn_migrations ORDER BY installed_rank");
    }


}
