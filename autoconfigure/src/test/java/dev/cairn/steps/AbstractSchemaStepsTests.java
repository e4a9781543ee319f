package dev.cairn.steps;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.cairn.IrreversibleMigrationException;
import dev.cairn.Migration;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationInfo;
import dev.cairn.MigrationRunner;
import dev.cairn.schema.OnDelete;
import dev.cairn.schema.SchemaMigration;
import dev.cairn.schema.Step;
import dev.cairn.schema.Steps;
import dev.cairn.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.dao.DataAccessException;

import static dev.cairn.schema.Steps.addColumns;
import static dev.cairn.schema.Steps.addForeignKey;
import static dev.cairn.schema.Steps.alterColumn;
import static dev.cairn.schema.Steps.column;
import static dev.cairn.schema.Steps.createIndex;
import static dev.cairn.schema.Steps.createTable;
import static dev.cairn.schema.Steps.dropColumn;
import static dev.cairn.schema.Steps.dropIndex;
import static dev.cairn.schema.Steps.dropTable;
import static dev.cairn.schema.Steps.renameColumn;
import static dev.cairn.schema.Steps.renameTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every declarative step rendered and run on each database: applied in a migration, checked through JDBC's
 * metadata and the rows, and undone by rollback where it has an inverse. Each database has a thin subclass.
 */
abstract class AbstractSchemaStepsTests {

    static final SchemaMigration CREATE_TODOS = schema(1, "Create todos",
            createTable("users", column("id").bigint().primaryKey(), column("name").varchar(100).notNull()),
            createTable("todos", column("id").bigint().primaryKey(),
                    column("title").varchar(200).notNull(),
                    column("done").bool().notNull().defaultValue(false),
                    column("user_id").bigint().references("users", "id", OnDelete.CASCADE).indexed()));

    @TempDir
    Path directory;

    protected TestDatabase database;

    protected abstract TestDatabase createDatabase(Path directory);

    /**
     * Whether a failed migration's DDL is rolled back by the database.
     * @return {@code false} for MariaDB and MySQL
     */
    protected boolean rollsBackDdl() {
        return true;
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

    static SchemaMigration schema(long version, String description, Step... steps) {
        return new Schema(version, description, List.of(steps));
    }

    MigrationRunner runner(Migration... migrations) {
        return MigrationRunner.builder(this.database.dataSource()).migrations(List.of(migrations)).build();
    }

    /** Applies the first migration only. */
    void migrateFirst(Migration... migrations) {
        MigrationRunner.builder(this.database.dataSource()).migrations(List.of(migrations))
            .settings(dev.cairn.MigrationSettings.defaults().withTarget(1))
            .build()
            .migrate();
    }

    void insertTodos() {
        this.database.jdbc().update("INSERT INTO users (id, name) VALUES (1, 'Ada')");
        this.database.jdbc().update("INSERT INTO todos (id, title, user_id) VALUES (1, 'Write', 1), (2, 'Test', 1)");
    }

    List<String> titles() {
        return this.database.jdbc().queryForList("SELECT title FROM todos ORDER BY id", String.class);
    }

    @Test
    void createTableMakesEveryPortableTypeHoldItsValues() throws Exception {
        runner(schema(1, "Everything", createTable("everything", column("id").integer().primaryKey(),
                column("t").text(), column("v").varchar(20), column("b").bigint(), column("f").bool(),
                column("d").decimal(10, 2), column("due_on").date(), column("created_at").timestamp(), column("u").uuid(),
                column("j").json(), column("bin").blob()))).migrate();
        this.database.jdbc().update("INSERT INTO everything (id, t, v, b, f, d, due_on, created_at, u, bin) VALUES"
                + " (1, 'text', 'short', 9000000000, ?, 12.34, ?, ?, ?, ?)", true, java.sql.Date.valueOf("2026-11-27"),
                java.sql.Timestamp.valueOf("2026-11-27 10:00:00"), uuid("0f8fad5b-d9cb-469f-a165-70867728950e"),
                new byte[] { 1, 2, 3 });
        Map<String, Object> row = this.database.jdbc().queryForMap("SELECT * FROM everything");
        assertThat(row).hasSize(11);
        assertThat(this.database.jdbc().queryForObject("SELECT b FROM everything", Long.class)).isEqualTo(9000000000L);
        assertThat(this.database.jdbc().queryForObject("SELECT d FROM everything", java.math.BigDecimal.class))
            .isEqualByComparingTo("12.34");
        assertThat(this.database.jdbc().queryForObject("SELECT bin FROM everything", byte[].class))
            .containsExactly(1, 2, 3);
        assertThat(TableCatalog.columns(this.database.dataSource(), "everything")).containsKeys("id", "t", "v", "b",
                "f", "d", "due_on", "created_at", "u", "j", "bin");
    }

    @Test
    void anIdentityColumnIsGeneratedForEachNewRow() {
        runner(schema(1, "Notes", createTable("notes", column("id").identity(), column("body").text()))).migrate();
        this.database.jdbc().update("INSERT INTO notes (body) VALUES ('first')");
        this.database.jdbc().update("INSERT INTO notes (body) VALUES ('second')");
        assertThat(this.database.jdbc().queryForList("SELECT id FROM notes ORDER BY id", Long.class)).hasSize(2)
            .doesNotHaveDuplicates()
            .allSatisfy((id) -> assertThat(id).isPositive());
    }

    /**
     * A UUID as the database's driver takes it.
     * @param text the UUID
     * @return the value to bind
     */
    protected Object uuid(String text) {
        return text;
    }

    @Test
    void createTableDeclaresKeysDefaultsIndexesAndForeignKeys() throws Exception {
        runner(CREATE_TODOS).migrate();
        insertTodos();
        assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM todos WHERE done = ?", Integer.class,
                false)).as("the default").isEqualTo(2);
        assertThat(TableCatalog.columns(this.database.dataSource(), "todos").get("title")).endsWith("not null");
        assertThat(TableCatalog.indexes(this.database.dataSource(), "todos")).containsKey("todos_user_id_idx");
        assertThatExceptionOfType(DataAccessException.class).as("the foreign key")
            .isThrownBy(() -> this.database.jdbc().update("INSERT INTO todos (id, title, user_id) VALUES (3, 'x', 9)"));
        this.database.jdbc().update("DELETE FROM users");
        assertThat(titles()).as("deleted by the cascade").isEmpty();
    }

    @Test
    void addColumnsAndCreateIndexAreAppliedAndUndoneByRollback() throws Exception {
        MigrationRunner runner = runner(CREATE_TODOS, schema(2, "Add priority",
                addColumns("todos", column("priority").integer().notNull().defaultValue(0).indexed(),
                        column("note").text()),
                createIndex("todos", "done", "priority")));
        migrateFirst(CREATE_TODOS);
        insertTodos();
        runner.migrate();
        assertThat(this.database.jdbc().queryForList("SELECT priority FROM todos", Integer.class)).containsOnly(0);
        assertThat(TableCatalog.indexes(this.database.dataSource(), "todos")).containsKeys("todos_priority_idx",
                "todos_done_priority_idx");
        assertThat(runner.status().migrations()).filteredOn((m) -> m.description().equals("Add priority"))
            .singleElement().satisfies((m) -> assertThat(m.reversible()).isTrue());
        runner.rollbackTo(1);
        assertThat(TableCatalog.columns(this.database.dataSource(), "todos")).doesNotContainKeys("priority", "note");
        assertThat(TableCatalog.indexes(this.database.dataSource(), "todos")).doesNotContainKeys("todos_priority_idx",
                "todos_done_priority_idx");
        assertThat(titles()).containsExactly("Write", "Test");
    }

    @Test
    void upThenDownOfEveryReversibleStepRestoresTheSchemaExactly() throws Exception {
        MigrationRunner runner = runner(CREATE_TODOS, schema(2, "Everything reversible",
                createTable("tags", column("id").identity(), column("name").varchar(40).notNull().unique()),
                addColumns("todos", column("priority").integer().notNull().defaultValue(0).indexed(),
                        column("tag_id").bigint().references("tags", "id", OnDelete.SET_NULL)),
                createIndex("todos", "done", "priority"), renameColumn("todos", "title", "name"),
                renameTable("users", "people")));
        migrateFirst(CREATE_TODOS);
        insertTodos();
        dev.cairn.core.schema.SchemaSnapshot before = snapshot();
        runner.migrate();
        assertThat(snapshot().differences(before)).as("the migration changed the schema").isNotEmpty();
        runner.rollbackTo(1);
        assertThat(snapshot().differences(before)).as("what differs after up and down").isEmpty();
        assertThat(titles()).containsExactly("Write", "Test");
    }

    private dev.cairn.core.schema.SchemaSnapshot snapshot() throws java.sql.SQLException {
        try (java.sql.Connection connection = this.database.dataSource().getConnection()) {
            return dev.cairn.core.schema.LiveSchema.read(connection,
                    dev.cairn.dialect.Dialects.forProductName(connection.getMetaData().getDatabaseProductName()), null,
                    java.util.Set.of("cairn_migrations*"));
        }
    }

    @Test
    void renamesKeepTheRowsAndAreUndoneByRollback() throws Exception {
        MigrationRunner runner = runner(CREATE_TODOS, schema(2, "Rename",
                renameColumn("todos", "title", "name"), renameTable("todos", "tasks")));
        migrateFirst(CREATE_TODOS);
        insertTodos();
        runner.migrate();
        assertThat(this.database.jdbc().queryForList("SELECT name FROM tasks ORDER BY id", String.class))
            .containsExactly("Write", "Test");
        runner.rollbackTo(1);
        assertThat(titles()).containsExactly("Write", "Test");
    }

    @Test
    void alterColumnChangesTypeNullabilityAndDefaultKeepingEveryRow() throws Exception {
        MigrationRunner runner = runner(CREATE_TODOS, schema(2, "Loosen title",
                alterColumn("todos", "title").type(Steps.varchar(500)).nullable(),
                alterColumn("todos", "done").defaultValue(true)));
        migrateFirst(CREATE_TODOS);
        insertTodos();
        runner.migrate();
        assertThat(titles()).containsExactly("Write", "Test");
        assertThat(TableCatalog.columns(this.database.dataSource(), "todos").get("title")).doesNotEndWith("not null");
        this.database.jdbc().update("INSERT INTO todos (id, title, user_id) VALUES (3, NULL, 1)");
        assertThat(this.database.jdbc().queryForObject("SELECT done FROM todos WHERE id = 3", Boolean.class)).isTrue();
        this.database.jdbc().update("INSERT INTO todos (id, title) VALUES (4, ?)", "x".repeat(400));
        assertThat(TableCatalog.indexes(this.database.dataSource(), "todos")).containsKey("todos_user_id_idx");
    }

    @Test
    void alterColumnNotNullRefusesNullsFromThenOn() {
        runner(CREATE_TODOS, schema(2, "Require user", alterColumn("todos", "user_id").notNull())).migrate();
        assertThatExceptionOfType(DataAccessException.class)
            .isThrownBy(() -> this.database.jdbc().update("INSERT INTO todos (id, title) VALUES (1, 'x')"));
    }

    @Test
    void addForeignKeyIsEnforcedFromThenOn() {
        runner(CREATE_TODOS, schema(2, "Assignee", addColumns("todos", column("assignee").bigint()),
                addForeignKey("todos", "assignee", "users", "id", OnDelete.SET_NULL))).migrate();
        insertTodos();
        this.database.jdbc().update("UPDATE todos SET assignee = 1");
        assertThatExceptionOfType(DataAccessException.class)
            .isThrownBy(() -> this.database.jdbc().update("UPDATE todos SET assignee = 7"));
    }

    @Test
    void dropsRemoveWhatTheyNameAndCannotBeRolledBack() throws Exception {
        SchemaMigration tags = schema(2, "Tags", createTable("tags", column("name").varchar(40).primaryKey()),
                createIndex("todos", "title"));
        MigrationRunner runner = runner(CREATE_TODOS, tags, schema(3, "Drop", dropIndex("todos", "todos_title_idx"),
                dropColumn("todos", "done"), dropTable("tags")));
        migrateFirst(CREATE_TODOS);
        insertTodos();
        runner.migrate();
        assertThat(TableCatalog.columns(this.database.dataSource(), "todos")).doesNotContainKey("done")
            .containsKey("title");
        assertThat(TableCatalog.indexes(this.database.dataSource(), "todos")).doesNotContainKey("todos_title_idx");
        assertThat(this.database.hasTable("tags")).isFalse();
        assertThat(titles()).containsExactly("Write", "Test");
        MigrationInfo drop = runner.status().migrations().get(2);
        assertThat(drop.reversible()).isFalse();
        assertThatExceptionOfType(IrreversibleMigrationException.class).isThrownBy(() -> runner.rollbackTo(2));
    }

    @Test
    void aJavaMigrationAppliesStepsBetweenItsOwnStatements() {
        Migration backfill = new Migration() {
            @Override
            public long version() {
                return 2;
            }

            @Override
            public void up(dev.cairn.MigrationContext context) {
                context.apply(addColumns("todos", column("rank").integer()), createIndex("todos", "rank"));
                context.jdbc().update("UPDATE todos SET rank = id * 10");
            }
        };
        migrateFirst(CREATE_TODOS);
        insertTodos();
        runner(CREATE_TODOS, backfill).migrate();
        assertThat(this.database.jdbc().queryForList("SELECT rank FROM todos ORDER BY id", Integer.class))
            .containsExactly(10, 20);
        assertThat(this.database.hasTable("todos")).isTrue();
    }

    @Test
    void anSqlStepRunsTheStatementWrittenForTheDatabase() {
        runner(CREATE_TODOS, schema(2, "Seed", Steps.sql(Map.of("default", "INSERT INTO users (id, name) VALUES"
                + " (1, 'default')", this.database.kind().toLowerCase(java.util.Locale.ROOT),
                "INSERT INTO users (id, name) VALUES (1, 'mine')")))).migrate();
        assertThat(this.database.jdbc().queryForObject("SELECT name FROM users", String.class)).isEqualTo("mine");
    }

    @Test
    void aFailingStepNamesItselfAndLeavesTheDatabaseAsItWas() throws Exception {
        MigrationRunner runner = runner(CREATE_TODOS, schema(2, "Broken",
                addColumns("todos", column("priority").integer()), renameColumn("todos", "nothing", "something")));
        migrateFirst(CREATE_TODOS);
        insertTodos();
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(runner::migrate)
            .withMessageContaining("Statement: step 2 of 2, renameColumn(todos.nothing to something): ALTER TABLE todos")
            .withMessageContaining("bean '");
        if (rollsBackDdl()) {
            assertThat(TableCatalog.columns(this.database.dataSource(), "todos")).doesNotContainKey("priority");
        }
        assertThat(titles()).containsExactly("Write", "Test");
    }

    @Test
    void anAppliedSchemaMigrationWhoseStepsChangedIsRefused() {
        runner(CREATE_TODOS).migrate();
        SchemaMigration edited = schema(1, "Create todos", createTable("users", column("id").bigint().primaryKey()));
        assertThatExceptionOfType(dev.cairn.MigrationException.class).isThrownBy(runner(edited)::migrate)
            .withMessageContaining("Applied migration 1 \"Create todos\" (bean '")
            .withMessageContaining("was changed: its checksum is");
    }

    MigrationRunner appendOnly(Migration... migrations) {
        return MigrationRunner.builder(this.database.dataSource())
            .migrations(List.of(migrations))
            .settings(dev.cairn.MigrationSettings.defaults().withPolicy(dev.cairn.Policy.APPEND_ONLY))
            .build();
    }

    @Test
    void theAppendOnlyPolicyRefusesABreakingStepByNameAndAppliesAdditiveOnes() {
        appendOnly(CREATE_TODOS).migrate();
        assertThatExceptionOfType(dev.cairn.MigrationException.class)
            .isThrownBy(appendOnly(CREATE_TODOS, schema(2, "Drop done", addColumns("todos", column("note").text()),
                    dropColumn("todos", "done")))::migrate)
            .withMessageContaining("cairn.policy=append-only refuses migration 2 \"Drop done\" (bean '")
            .withMessageContaining("step 2 of 2, dropColumn(todos.done)")
            .satisfies((ex) -> assertThat(ex.getAction()).contains("stop using it in every instance first"));
        appendOnly(CREATE_TODOS, schema(2, "Add note", addColumns("todos", column("note").text()),
                createIndex("todos", "title"))).migrate();
        assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM cairn_migrations WHERE version = '2'"
                + " AND additive = ?", Integer.class, true)).isEqualTo(1);
    }

    @Test
    void aSchemaMigrationThatBreaksOnPurposeIsAppliedAndItsReasonRecorded() {
        appendOnly(CREATE_TODOS).migrate();
        SchemaMigration drop = new BreakingSchema(2, "Drop done", List.of(dropColumn("todos", "done")),
                "done moved to a status column in 2.0");
        appendOnly(CREATE_TODOS, drop).migrate();
        assertThat(this.database.jdbc().queryForObject("SELECT breaking_reason FROM cairn_migrations WHERE"
                + " version = '2'", String.class)).isEqualTo("done moved to a status column in 2.0");
    }

    /**
     * A schema migration that declares it breaks older applications on purpose.
     */
    record BreakingSchema(long version, String description, List<Step> steps, String breaking)
            implements SchemaMigration {

    }

    /**
     * A schema migration for tests.
     */
    record Schema(long version, String description, List<Step> steps) implements SchemaMigration {

    }

}
