package dev.cairn.flyway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.cairn.MigrationException;
import dev.cairn.MigrationInfo;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationSettings;
import dev.cairn.MigrationState;
import dev.cairn.MigrationStatus;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestMigrations;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What must hold when Cairn takes over a database that the real Flyway migrated from the same folder of scripts and
 * a Java migration: nothing runs again, Flyway's history is imported as it was and its own table left alone, edited
 * scripts are refused, new ones applied, and Flyway's failed and baseline rows keep their meaning. Each database has
 * a thin subclass.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractFlywayTakeoverTests {

    private static final Map<String, String> PLACEHOLDERS = Map.of("customer", "Ada", "excluded", "nobody");

    @TempDir
    Path directory;

    @TempDir
    Path scripts;

    protected TestDatabase database;

    /** Cairn's stand-in for Flyway's {@link V3__Record_java_step}: same version, same description. */
    private final Sql javaStep = new Sql(3, "Record java step", "INSERT INTO side_effects (step) VALUES ('java 3')");

    protected abstract TestDatabase createDatabase(Path directory);

    /**
     * The time zone in which the database writes the wall-clock time of Flyway's {@code installed_on}.
     * @return the zone
     */
    protected abstract ZoneId flywayClockZone();

    @BeforeEach
    void writeScriptsFlywayApplies() throws IOException {
        this.database = createDatabase(this.directory);
        script("V1__create_tables.sql", """
                -- Two tables in one script: the log of what ran, and data for the scripts to work on.
                CREATE TABLE side_effects (step VARCHAR(40) NOT NULL);
                CREATE TABLE customers (
                    id INTEGER NOT NULL PRIMARY KEY,
                    name VARCHAR(100) NOT NULL
                );
                INSERT INTO side_effects (step) VALUES ('V1');
                """);
        script("V1_1__add_email.sql", """
                ALTER TABLE customers ADD email VARCHAR(200);
                INSERT INTO side_effects (step) VALUES ('V1.1');
                """);
        script("V2.0__seed_customers.sql", """
                INSERT INTO customers (id, name) VALUES (1, '${customer}');
                INSERT INTO side_effects (step) VALUES ('V2.0');
                """);
        // Flyway's checksum of a repeatable script is of its text after replacement: built-in placeholders must
        // have Flyway's values, or the script runs again after the takeover.
        script("R__customer_names.sql", """
                -- Created by ${flyway:user}
                DROP VIEW IF EXISTS ${flyway:defaultSchema}.customer_names;
                CREATE VIEW ${flyway:defaultSchema}.customer_names AS
                    SELECT name FROM customers WHERE name <> '${excluded}';
                INSERT INTO side_effects (step) VALUES ('R');
                """);
    }

    @AfterEach
    void dropDatabase() {
        if (this.database != null) {
            this.database.close();
        }
    }

    @Test
    void takesOverWithoutRunningAnythingAgainAndShowsFlywaysRecord(CapturedOutput output) {
        Instant before = Instant.now();
        flyway().load().migrate();
        Instant after = Instant.now();
        List<org.flywaydb.core.api.MigrationInfo> flywayApplied = Arrays.asList(flyway().load().info().applied());
        List<Map<String, Object>> flywayRows = flywayRows();

        MigrationRunner cairn = cairn(settings());
        assertThat(cairn.migrate().applied()).isEmpty();

        assertThat(sideEffects()).containsExactlyInAnyOrder("V1", "V1.1", "V2.0", "java 3", "R");
        assertThat(TestMigrations.runs(this.javaStep)).isZero();
        assertThat(output).contains("Imported 5 rows of Flyway's history table flyway_schema_history into"
                + " cairn_migrations (4 SQL, 1 JAVA); flyway_schema_history is left as it was");
        assertThat(flywayRows()).as("flyway_schema_history is untouched").isEqualTo(flywayRows);

        MigrationStatus status = cairn.status();
        assertThat(status.currentVersion()).hasToString("3");
        assertThat(status.migrations()).extracting(AbstractFlywayTakeoverTests::name, MigrationInfo::type,
                MigrationInfo::script, MigrationInfo::state)
            .containsExactly(tuple("1 create tables", "SQL", "V1__create_tables.sql", MigrationState.APPLIED),
                    tuple("1.1 add email", "SQL", "V1_1__add_email.sql", MigrationState.APPLIED),
                    tuple("2.0 seed customers", "SQL", "V2.0__seed_customers.sql", MigrationState.APPLIED),
                    tuple("3 Record java step", "JAVA", V3__Record_java_step.class.getName(),
                            MigrationState.APPLIED),
                    tuple("R customer names", "SQL", "R__customer_names.sql", MigrationState.APPLIED));
        for (org.flywaydb.core.api.MigrationInfo flyway : flywayApplied) {
            MigrationInfo cairnInfo = status.migrations().stream()
                .filter((info) -> Objects.equals(info.script(), flyway.getScript()))
                .findFirst()
                .orElseThrow();
            assertThat(cairnInfo.checksum()).as("checksum of %s", flyway.getScript()).isEqualTo(flyway.getChecksum());
            assertThat(cairnInfo.installedBy()).as("installed_by of %s", flyway.getScript())
                .isEqualTo(flyway.getInstalledBy());
            assertThat(cairnInfo.executionTimeMs()).as("execution_time of %s", flyway.getScript())
                .isEqualTo(flyway.getExecutionTime().longValue());
            // When Flyway ran, give or take the server's clock: not hours off, as a time read in the wrong zone is.
            assertThat(cairnInfo.installedOn()).as("installed_on of %s", flyway.getScript())
                .isBetween(before.minusSeconds(60), after.plusSeconds(60))
                .isEqualTo(writtenAt(flyway));
        }
        assertThat(cairn(settings()).migrate().applied()).as("validated and up to date").isEmpty();
    }

    @Test
    void refusesAScriptEditedAfterFlywayAppliedItNamingTheFile() throws IOException {
        flyway().load().migrate();
        script("V1_1__add_email.sql", """
                ALTER TABLE customers ADD email VARCHAR(250);
                INSERT INTO side_effects (step) VALUES ('V1.1');
                """);
        assertThatExceptionOfType(MigrationException.class).isThrownBy(cairn(settings())::migrate)
            .withMessageContaining("Applied migration 1.1 \"add email\" (filesystem:" + this.scripts
                    + "/V1_1__add_email.sql) was changed")
            .satisfies((ex) -> assertThat(ex.getAction()).contains("V1_1__add_email.sql"));
        assertThat(sideEffects()).containsExactlyInAnyOrder("V1", "V1.1", "V2.0", "java 3", "R");
    }

    @Test
    void appliesANewScriptAndRunsTheRepeatableOneAgainOnlyWhenItChanges() throws IOException {
        flyway().load().migrate();
        assertThat(cairn(settings()).migrate().applied()).isEmpty();
        script("V4__add_orders.sql", """
                CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, customer_id INTEGER NOT NULL);
                INSERT INTO side_effects (step) VALUES ('V4');
                """);
        assertThat(cairn(settings()).migrate().applied()).extracting(AbstractFlywayTakeoverTests::name)
            .containsExactly("4 add orders");
        assertThat(cairn(settings()).migrate().applied()).isEmpty();
        script("R__customer_names.sql", """
                DROP VIEW IF EXISTS customer_names;
                CREATE VIEW customer_names AS SELECT name, email FROM customers WHERE name <> '${excluded}';
                INSERT INTO side_effects (step) VALUES ('R again');
                """);
        assertThat(cairn(settings()).migrate().applied()).extracting(AbstractFlywayTakeoverTests::name)
            .containsExactly("R customer names");
        assertThat(sideEffects()).containsExactlyInAnyOrder("V1", "V1.1", "V2.0", "java 3", "R", "V4", "R again");
        assertThat(cairn(settings()).status().migrations()).extracting(MigrationInfo::state)
            .containsOnly(MigrationState.APPLIED);
    }

    @Test
    void aMigrationFlywayRecordedAsFailedBlocksUntilRepaired() throws IOException {
        // Without a transaction Flyway cannot roll the script back, so it records it with success = false.
        script("V4__half_done.sql", """
                CREATE TABLE half_done (id INTEGER);
                INSERT INTO no_such_table (id) VALUES (1);
                """);
        script("V4__half_done.sql.conf", "executeInTransaction=false\n");
        // On PostgreSQL Flyway's default lock is a transaction of its own, and the failed row is written in it and
        // rolled back with it; a team with non-transactional scripts there turns it off, as it must for CREATE INDEX
        // CONCURRENTLY. Other databases do not read the setting.
        assertThatExceptionOfType(FlywayException.class)
            .isThrownBy(flyway().configuration(Map.of("flyway.postgresql.transactional.lock", "false")).load()::migrate);
        assertThat(this.database.jdbc().queryForList("SELECT success FROM flyway_schema_history WHERE version = '4'",
                Boolean.class)).containsExactly(false);

        MigrationRunner cairn = cairn(settings());
        assertThatExceptionOfType(MigrationException.class).isThrownBy(cairn::migrate)
            .withMessageContaining("Migration 4 \"half done\" (filesystem:" + this.scripts + "/V4__half_done.sql)"
                    + " failed earlier and may have left changes behind");
        assertThat(cairn.status().migrations()).extracting(AbstractFlywayTakeoverTests::name, MigrationInfo::state)
            .contains(tuple("3 Record java step", MigrationState.APPLIED), tuple("4 half done", MigrationState.FAILED));

        this.database.jdbc().execute("DROP TABLE half_done");
        script("V4__half_done.sql", "CREATE TABLE half_done (id INTEGER);\n");
        assertThat(cairn.repair()).extracting(AbstractFlywayTakeoverTests::name).containsExactly("4 half done");
        assertThat(cairn(settings()).migrate().applied()).as("Flyway stopped before the repeatable script")
            .extracting(AbstractFlywayTakeoverTests::name)
            .containsExactly("4 half done", "R customer names");
        assertThat(sideEffects()).containsExactlyInAnyOrder("V1", "V1.1", "V2.0", "java 3", "R");
        assertThat(this.database.jdbc().queryForList("SELECT success FROM flyway_schema_history WHERE version = '4'",
                Boolean.class)).as("Flyway's own row stays as Flyway wrote it").containsExactly(false);
    }

    @Test
    void aMigrationFlywayRepairedAwayAsDeletedIsNotImported() throws IOException {
        flyway().load().migrate();
        Files.delete(this.scripts.resolve("V1_1__add_email.sql"));
        // Flyway's repair of a migration no longer found marks it deleted with a row of type DELETE.
        flyway().load().repair();
        assertThat(flywayRows()).extracting((row) -> row.get("type")).contains("DELETE");

        MigrationRunner cairn = cairn(settings());
        assertThat(cairn.migrate().applied()).isEmpty();
        assertThat(cairn.status().migrations()).extracting(AbstractFlywayTakeoverTests::name, MigrationInfo::state)
            .containsExactly(tuple("1 create tables", MigrationState.APPLIED),
                    tuple("2.0 seed customers", MigrationState.APPLIED),
                    tuple("3 Record java step", MigrationState.APPLIED),
                    tuple("R customer names", MigrationState.APPLIED));
    }

    @Test
    void aFlywayBaselineStaysTheBaselineAndKeepsOlderMigrationsBelowIt() {
        // A schema made before Flyway was used: what V1 to V2.0 would have made.
        this.database.jdbc().execute("CREATE TABLE side_effects (step VARCHAR(40) NOT NULL)");
        this.database.jdbc().execute("CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY,"
                + " name VARCHAR(100) NOT NULL, email VARCHAR(200))");
        flyway().baselineOnMigrate(true).baselineVersion("2.0").load().migrate();

        MigrationRunner cairn = cairn(settings());
        assertThat(cairn.migrate().applied()).isEmpty();
        assertThat(sideEffects()).containsExactlyInAnyOrder("java 3", "R");
        assertThat(cairn.status().migrations()).extracting(AbstractFlywayTakeoverTests::name, MigrationInfo::type,
                MigrationInfo::state)
            .containsExactly(tuple("1 create tables", "SQL", MigrationState.BELOW_BASELINE),
                    tuple("1.1 add email", "SQL", MigrationState.BELOW_BASELINE),
                    tuple("2.0 << Flyway Baseline >>", "BASELINE", MigrationState.BASELINE),
                    tuple("3 Record java step", "JAVA", MigrationState.APPLIED),
                    tuple("R customer names", "SQL", MigrationState.APPLIED));
    }

    @Test
    void warnsThatFlywaysSchemaIsNotWhereTheConnectionRunsNewScripts(CapturedOutput output) {
        String schema = "cairn_f_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String drop = this.database.dropSchemaStatement(schema);
        assumeTrue(drop != null, this.database.kind() + " has no schemas");
        try {
            // spring.flyway.schemas: Flyway creates the schema, keeps its history there and runs the scripts in it.
            flyway().schemas(schema).createSchemas(true).load().migrate();
            MigrationRunner cairn = cairn(settings().withSchema(schema));
            assertThat(cairn.migrate().applied()).isEmpty();
            assertThat(this.database.jdbc().queryForList("SELECT step FROM " + schema + ".side_effects", String.class))
                .containsExactlyInAnyOrder("V1", "V1.1", "V2.0", "java 3", "R");
            assertThat(output).contains("Imported 6 rows of Flyway's history table " + schema
                    + ".flyway_schema_history into " + schema + ".cairn_migrations (1 SCHEMA_CREATION, 4 SQL, 1 JAVA)")
                .contains("WARN")
                .contains("Flyway ran its migrations in " + schema + ", where its history table is, but new ones run"
                        + " in the connection's current");
        }
        finally {
            this.database.jdbc().execute(drop);
        }
    }

    @Test
    void withoutTheImportADatabaseFlywayMigratedIsRefusedAsNotEmpty() {
        flyway().load().migrate();
        List<Map<String, Object>> flywayRows = flywayRows();
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(cairn(settings().withFlywayImport(false))::migrate)
            .withMessageContaining("The database already has a schema")
            .withMessageContaining("flyway_schema_history")
            .satisfies((ex) -> assertThat(ex.getAction()).contains("cairn.baseline-on-migrate=true"));
        assertThat(flywayRows()).isEqualTo(flywayRows);
        assertThat(sideEffects()).containsExactlyInAnyOrder("V1", "V1.1", "V2.0", "java 3", "R");
    }

    private FluentConfiguration flyway() {
        return Flyway.configure()
            .dataSource(this.database.dataSource())
            .locations("filesystem:" + this.scripts)
            .javaMigrations(new V3__Record_java_step())
            .placeholders(PLACEHOLDERS);
    }

    private MigrationSettings settings() {
        return MigrationSettings.defaults()
            .withLocations(List.of("filesystem:" + this.scripts))
            .withPlaceholders(PLACEHOLDERS);
    }

    private MigrationRunner cairn(MigrationSettings settings) {
        return new MigrationRunner(this.database.dataSource(), List.of(this.javaStep), settings);
    }

    /**
     * The instant at which Flyway recorded a migration, to the millisecond. Flyway's {@code info()} reads the
     * column's wall-clock time in the JVM's zone, which is wrong where the database writes it in another.
     */
    private Instant writtenAt(org.flywaydb.core.api.MigrationInfo flyway) {
        LocalDateTime wallClock = LocalDateTime.ofInstant(flyway.getInstalledOn().toInstant(), ZoneId.systemDefault());
        return wallClock.atZone(flywayClockZone()).toInstant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String name(MigrationInfo migration) {
        return ((migration.version() != null) ? migration.version().toString() : "R") + " "
                + migration.description();
    }

    private List<Map<String, Object>> flywayRows() {
        return this.database.jdbc().queryForList("SELECT * FROM flyway_schema_history ORDER BY installed_rank");
    }

    private List<String> sideEffects() {
        return this.database.jdbc().queryForList("SELECT step FROM side_effects", String.class);
    }

    private void script(String name, String content) throws IOException {
        Path file = this.scripts.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

}
