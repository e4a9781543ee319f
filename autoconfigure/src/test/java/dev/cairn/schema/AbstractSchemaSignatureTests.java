package dev.cairn.schema;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import dev.cairn.DriftMode;
import dev.cairn.Migration;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationSettings;
import dev.cairn.SchemaDriftException;
import dev.cairn.SchemaSignature;
import dev.cairn.actuate.MigrationsEndpoint;
import dev.cairn.actuate.MigrationsEndpoint.SchemaDescriptor;
import dev.cairn.core.schema.LiveSchema;
import dev.cairn.core.schema.SchemaSnapshot;
import dev.cairn.dialect.Dialects;
import dev.cairn.testsupport.TestDatabase;
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

/**
 * The schema signature and drift detection on every database: recorded after each run, stable for the same schema,
 * changes made outside migrations named in a warning or failing the start, accepted by a repair, Cairn's own tables
 * left out. Each database has a thin subclass.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractSchemaSignatureTests {

    private static final Migration CREATE_TODOS = new Sql(1, "Create todos",
            "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL)",
            "CREATE TABLE todos (id INTEGER NOT NULL PRIMARY KEY, title VARCHAR(100) NOT NULL,"
                    + " priority VARCHAR(20) DEFAULT 'medium' NOT NULL, user_id INTEGER,"
                    + " FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE)",
            "CREATE INDEX todos_by_title ON todos (title)", "CREATE TABLE tags (name VARCHAR(20))");

    private static final Migration ADD_NOTES = new Sql(2, "Add notes",
            "CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY)");

    @TempDir
    Path directory;

    protected TestDatabase database;

    protected abstract TestDatabase createDatabase(Path directory);

    /**
     * The statement that adds a nullable integer column, as this database spells it.
     * @param table the table
     * @param column the column
     * @return the statement
     */
    protected String addColumn(String table, String column) {
        return "ALTER TABLE " + table + " ADD COLUMN " + column + " INTEGER";
    }

    /**
     * The statement that drops an index.
     * @param table its table
     * @param index the index
     * @return the statement
     */
    protected String dropIndex(String table, String index) {
        return "DROP INDEX " + index;
    }

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
    void aRunRecordsTheSignatureOfTheSchemaItLeaves() {
        MigrationRunner runner = runner(DriftMode.WARN, CREATE_TODOS);
        runner.migrate();
        SchemaSignature signature = runner.schemaSignature();
        assertThat(signature).isNotNull();
        assertThat(signature.hash()).hasSize(16).isEqualTo(snapshot(this.database).hash());
        assertThat(signature.version()).isEqualTo("1");
        assertThat(signature.drift()).isEmpty();
        assertThat(this.database.hasTable("cairn_migrations_signature")).isTrue();
    }

    @Test
    void theSameSchemaGivesTheSameHashWhereverItIsAndHoweverItWasSpelled() {
        MigrationRunner runner = runner(DriftMode.WARN, CREATE_TODOS);
        runner.migrate();
        String first = runner.schemaSignature().hash();
        runner.repair();
        assertThat(runner.schemaSignature().hash()).as("recorded again").isEqualTo(first);
        try (TestDatabase other = createDatabase(this.directory)) {
            other.jdbc().execute("create table users (id integer not null primary key, name varchar( 50 ) not null)");
            other.jdbc().execute("create table tags (name varchar(20))");
            other.jdbc().execute("create table todos (id integer not null primary key, title varchar(100) not null,"
                    + " priority varchar(20) default ('medium') not null, user_id integer, foreign key (user_id)"
                    + " references users (id) on delete cascade)");
            other.jdbc().execute("create index todos_by_title on todos (title)");
            assertThat(snapshot(other).differences(snapshot(this.database), "in the migrated database")).isEmpty();
            assertThat(snapshot(other).hash()).isEqualTo(first);
        }
    }

    @Test
    void defaultsKeysAndIndexesAreInTheSnapshot() {
        runner(DriftMode.WARN, CREATE_TODOS).migrate();
        SchemaSnapshot snapshot = snapshot(this.database);
        assertThat(snapshot.tables()).containsExactly("tags", "todos", "users");
        assertThat(snapshot.object("column todos.priority").attributes()).containsEntry("nullable", "no")
            .containsEntry("default", "'medium'");
        assertThat(snapshot.object("column todos.priority").attributes().get("type")).contains("(20)");
        assertThat(snapshot.object("primary key todos").attributes()).containsEntry("columns", "id");
        assertThat(snapshot.object("index todos.todos_by_title").attributes()).containsEntry("columns", "title")
            .containsEntry("unique", "no");
        assertThat(snapshot.object("foreign key todos(user_id)").attributes())
            .containsEntry("references", "users(id)")
            .containsEntry("on delete", "CASCADE");
        assertThat(SchemaSnapshot.parse(snapshot.text())).as("read back as stored").isEqualTo(snapshot);
    }

    @Test
    void aChangeOutsideMigrationsIsNamedInAWarningBeforeTheNextRun(CapturedOutput output) {
        runner(DriftMode.WARN, CREATE_TODOS).migrate();
        changeOutsideMigrations();
        MigrationRunner runner = runner(DriftMode.WARN, CREATE_TODOS, ADD_NOTES);
        assertThat(runner.schemaSignature().drift()).satisfiesExactlyInAnyOrder(
                (line) -> assertThat(line).isEqualTo("table audit: not recorded"),
                (line) -> assertThat(line).startsWith("column tags.name: type ").contains(", recorded "),
                (line) -> assertThat(line).startsWith("column todos.done: not recorded"),
                (line) -> assertThat(line).isEqualTo("index todos.todos_by_title: missing"));
        runner.migrate();
        assertThat(output).contains("The schema differs from the signature recorded in cairn_migrations_signature")
            .contains("table audit: not recorded")
            .contains("index todos.todos_by_title: missing");
        assertThat(runner.schemaSignature().drift()).as("recorded again after the run").isEmpty();
    }

    @Test
    void theEndpointShowsTheSignatureAndEachObjectThatDiffers() {
        MigrationRunner runner = runner(DriftMode.WARN, CREATE_TODOS);
        runner.migrate();
        SchemaDescriptor schema = new MigrationsEndpoint(runner).migrations().schema();
        assertThat(schema.signature()).isEqualTo(runner.schemaSignature().hash());
        assertThat(schema.version()).isEqualTo("1");
        assertThat(schema.drift()).isEmpty();
        this.database.jdbc().execute(addColumn("todos", "done"));
        assertThat(new MigrationsEndpoint(runner).migrations().schema().drift())
            .containsExactly("column todos.done: not recorded");
        assertThat(new MigrationsEndpoint(runner(DriftMode.OFF, CREATE_TODOS)).migrations().schema()).isNull();
    }

    @Test
    void aChangeOutsideMigrationsFailsTheStartInFailModeUntilARepairAcceptsIt() {
        runner(DriftMode.FAIL, CREATE_TODOS).migrate();
        changeOutsideMigrations();
        MigrationRunner runner = runner(DriftMode.FAIL, CREATE_TODOS, ADD_NOTES);
        assertThatExceptionOfType(SchemaDriftException.class).isThrownBy(runner::migrate)
            .withMessageContaining("column todos.done: not recorded")
            .withMessageContaining("table audit: not recorded")
            .satisfies((ex) -> assertThat(ex.getAction()).contains("repair"))
            .satisfies((ex) -> assertThat(ex.differences()).hasSize(4));
        assertThat(this.database.hasTable("notes")).as("nothing ran").isFalse();
        runner.repair();
        runner.migrate();
        assertThat(this.database.hasTable("notes")).isTrue();
    }

    @Test
    void aStartWithNothingPendingInFailModeIsCheckedToo() {
        runner(DriftMode.FAIL, CREATE_TODOS).migrate();
        this.database.jdbc().execute(addColumn("todos", "done"));
        assertThatExceptionOfType(SchemaDriftException.class)
            .isThrownBy(() -> runner(DriftMode.FAIL, CREATE_TODOS).migrate())
            .withMessageContaining("column todos.done: not recorded");
        assertThat(runner(DriftMode.WARN, CREATE_TODOS).migrate().applied()).isEmpty();
    }

    @Test
    void offRecordsNothingAndComparesNothing() {
        runner(DriftMode.OFF, CREATE_TODOS).migrate();
        assertThat(this.database.hasTable("cairn_migrations_signature")).isFalse();
        changeOutsideMigrations();
        MigrationRunner runner = runner(DriftMode.OFF, CREATE_TODOS, ADD_NOTES);
        runner.migrate();
        assertThat(runner.schemaSignature()).isNull();
        assertThat(this.database.hasTable("cairn_migrations_signature")).isFalse();
    }

    @Test
    void cairnsOwnTablesAreNotPartOfTheSchema() {
        MigrationRunner runner = runner(DriftMode.WARN, CREATE_TODOS);
        runner.migrate();
        this.database.jdbc().execute("CREATE TABLE cairn_bk7_todos (id INTEGER)");
        this.database.jdbc().execute("CREATE TABLE cairn_migrations_backups (id INTEGER)");
        this.database.jdbc().execute("CREATE TABLE flyway_schema_history (id INTEGER)");
        assertThat(snapshot(this.database).text()).doesNotContain("cairn_").doesNotContain("flyway");
        assertThat(runner.schemaSignature().drift()).isEmpty();
    }

    @Test
    void aDatabaseMigratedBeforeSignaturesGetsOneOnItsNextRun() {
        runner(DriftMode.OFF, CREATE_TODOS).migrate();
        this.database.jdbc().execute(addColumn("todos", "done"));
        MigrationRunner runner = runner(DriftMode.FAIL, CREATE_TODOS);
        runner.migrate();
        assertThat(runner.schemaSignature().hash()).isEqualTo(snapshot(this.database).hash());
    }

    @Test
    void aSignatureRecordedInAnEarlierFormIsNoDriftUntilRecordedAgain() {
        runner(DriftMode.WARN, CREATE_TODOS).migrate();
        // as earlier builds recorded it: the SHA-256 of the same snapshot
        this.database.jdbc().update("UPDATE cairn_migrations_signature SET hash = ?",
                "cf50ed1e671e193c6470d6b7f2b1c892803a5a49860952ab185c98c48a0075d1");
        assertThat(runner(DriftMode.WARN, CREATE_TODOS).schemaSignature().drift()).isEmpty();
        assertThat(runner(DriftMode.FAIL, CREATE_TODOS).migrate().applied()).isEmpty();
        MigrationRunner runner = runner(DriftMode.WARN, CREATE_TODOS, ADD_NOTES);
        runner.migrate();
        assertThat(runner.schemaSignature().hash()).isEqualTo(snapshot(this.database).hash());
    }

    @Test
    void aSignatureTableOfAnEarlierLayoutIsReadAsItIsAndReplacedByTheNextRun() {
        runner(DriftMode.WARN, CREATE_TODOS).migrate();
        String hash = runner(DriftMode.WARN, CREATE_TODOS).schemaSignature().hash();
        // as earlier builds created it, without the digest of a declared schema
        this.database.jdbc().execute("ALTER TABLE cairn_migrations_signature DROP COLUMN declared");
        SchemaSignature signature = runner(DriftMode.FAIL, CREATE_TODOS).schemaSignature();
        assertThat(signature.hash()).isEqualTo(hash);
        assertThat(signature.drift()).isEmpty();
        assertThat(runner(DriftMode.FAIL, CREATE_TODOS).migrate().applied()).isEmpty();
        MigrationRunner runner = runner(DriftMode.WARN, CREATE_TODOS, ADD_NOTES);
        runner.migrate();
        assertThat(runner.schemaSignature().hash()).isEqualTo(snapshot(this.database).hash());
        assertThat(this.database.jdbc().queryForList("SELECT declared FROM cairn_migrations_signature"))
            .as("recreated with the column, empty without a declared schema").hasSize(1)
            .allSatisfy((row) -> assertThat(row.values()).containsOnlyNulls());
    }

    private void changeOutsideMigrations() {
        this.database.jdbc().execute(addColumn("todos", "done"));
        this.database.jdbc().execute("CREATE TABLE audit (id INTEGER)");
        this.database.jdbc().execute(dropIndex("todos", "todos_by_title"));
        this.database.jdbc().execute("DROP TABLE tags");
        this.database.jdbc().execute("CREATE TABLE tags (name INTEGER)");
    }

    private MigrationRunner runner(DriftMode drift, Migration... migrations) {
        return new MigrationRunner(this.database.dataSource(), List.of(migrations),
                MigrationSettings.defaults().withDrift(drift));
    }

    static SchemaSnapshot snapshot(TestDatabase database) {
        try (Connection connection = database.dataSource().getConnection()) {
            return LiveSchema.read(connection, Dialects.forProductName(connection.getMetaData()
                .getDatabaseProductName()), null, LiveSchema.cairnTables(MigrationSettings.defaults(), Set.of()));
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
