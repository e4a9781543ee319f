package dev.cairn.steps;

import java.nio.file.Path;
import java.util.List;

import dev.cairn.Migration;
import dev.cairn.MigrationException;
import dev.cairn.MigrationInfo;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationState;
import dev.cairn.schema.DeclaredSchema;
import dev.cairn.schema.Table;
import dev.cairn.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.cairn.schema.Steps.addColumns;
import static dev.cairn.schema.Steps.column;
import static dev.cairn.schema.Steps.createTable;
import static dev.cairn.schema.Steps.table;
import static dev.cairn.steps.AbstractSchemaStepsTests.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A declared schema on every database: checked against the schema migrations before anything runs, each mismatch
 * named, and what only adds applied as an automatic migration of the declared version. Each database has a thin
 * subclass.
 */
abstract class AbstractDeclaredSchemaTests {

    private static final Migration CREATE_TODOS = schema(1, "Create todos", createTable("todos",
            column("id").bigint().primaryKey(), column("title").varchar(200).notNull()));

    private static final Table TODOS = table("todos", column("id").bigint().primaryKey(),
            column("title").varchar(200).notNull());

    @TempDir
    Path directory;

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

    private MigrationRunner runner(DeclaredSchema declared, Migration... migrations) {
        return MigrationRunner.builder(this.database.dataSource())
            .migrations(List.of(migrations))
            .declaredSchema(declared)
            .build();
    }

    @Test
    void aDeclarationThatMatchesTheMigrationsAddsNothing() {
        MigrationRunner runner = runner(DeclaredSchema.of(1, TODOS), CREATE_TODOS);
        runner.migrate();
        assertThat(runner.status().migrations()).extracting(MigrationInfo::type).containsExactly("SCHEMA");
    }

    @Test
    void aDeclarationAboveTheLastMigrationAddsWhatOnlyAddsAsThatVersion() throws Exception {
        runner(DeclaredSchema.of(1, TODOS), CREATE_TODOS).migrate();
        this.database.jdbc().update("INSERT INTO todos (id, title) VALUES (1, 'Write')");
        DeclaredSchema declared = DeclaredSchema.of(2,
                table("todos", column("id").bigint().primaryKey(), column("title").varchar(200).notNull(),
                        column("priority").integer().notNull().defaultValue(0).indexed(), column("note").text())
                    .index("priority", "title"),
                table("tags", column("name").varchar(40).primaryKey(), column("todo_id").bigint().indexed()));
        MigrationRunner runner = runner(declared, CREATE_TODOS);
        runner.migrate();
        assertThat(runner.status().migrations()).last().satisfies((auto) -> {
            assertThat(auto.type()).isEqualTo("SCHEMA_AUTO");
            assertThat(auto.version()).hasToString("2");
            assertThat(auto.state()).isEqualTo(MigrationState.APPLIED);
        });
        assertThat(TableCatalog.columns(this.database.dataSource(), "todos")).containsKeys("priority", "note");
        assertThat(TableCatalog.indexes(this.database.dataSource(), "todos")).containsKeys("todos_priority_idx",
                "todos_priority_title_idx");
        assertThat(TableCatalog.indexes(this.database.dataSource(), "tags")).containsKey("tags_todo_id_idx");
        assertThat(this.database.jdbc().queryForObject("SELECT priority FROM todos", Integer.class)).isZero();
        assertThat(runner(declared, CREATE_TODOS).migrate().applied()).as("nothing left to apply").isEmpty();
    }

    @Test
    void aDeclarationAloneCreatesTheSchemaAndEachNewVersionAddsToIt() throws Exception {
        runner(DeclaredSchema.of(1, TODOS)).migrate();
        this.database.jdbc().update("INSERT INTO todos (id, title) VALUES (1, 'Write')");
        runner(DeclaredSchema.of(2, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(200).notNull(), column("done").bool().notNull().defaultValue(false))))
            .migrate();
        assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM todos WHERE done = ?", Integer.class,
                false)).isEqualTo(1);
    }

    @Test
    void aRunRecordsTheDigestOfWhatItCheckedAndAChangeIsCheckedAgain() {
        runner(DeclaredSchema.of(1, TODOS), CREATE_TODOS).migrate();
        Long first = recordedDigest();
        assertThat(first).isNotNull();
        assertThat(runner(DeclaredSchema.of(1, TODOS), CREATE_TODOS).migrate().applied()).isEmpty();
        assertThat(recordedDigest()).as("nothing applied, nothing recorded").isEqualTo(first);
        // A declaration that the recorded digest does not cover is folded and compared again.
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(runner(DeclaredSchema.of(2, TODOS), CREATE_TODOS,
                    schema(2, "Add priority", addColumns("todos", column("priority").integer())))::migrate)
            .withMessageContaining("migration 2 adds column todos.priority, which the declared schema lacks");
        runner(DeclaredSchema.of(2, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(200).notNull(), column("priority").integer())), CREATE_TODOS,
                schema(2, "Add priority", addColumns("todos", column("priority").integer()))).migrate();
        assertThat(recordedDigest()).isNotNull().isNotEqualTo(first);
    }

    private Long recordedDigest() {
        return this.database.jdbc().queryForObject("SELECT declared FROM cairn_migrations_signature", Long.class);
    }

    @Test
    void aMigrationThatAddsWhatTheDeclarationLacksIsNamed() {
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(runner(DeclaredSchema.of(2, TODOS), CREATE_TODOS,
                    schema(2, "Add priority", addColumns("todos", column("priority").integer())))::migrate)
            .withMessageContaining("migration 2 adds column todos.priority, which the declared schema lacks");
        assertThat(this.database.hasTable("todos")).as("nothing ran").isFalse();
    }

    @Test
    void migrationsNewerThanTheDeclarationAreRefused() {
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(runner(DeclaredSchema.of(1, TODOS), CREATE_TODOS,
                    schema(2, "Add priority", addColumns("todos", column("priority").integer())))::migrate)
            .withMessageContaining("The declared schema is version 1 but migrations go up to 2");
    }

    @Test
    void aColumnDeclaredOtherwiseThanTheMigrationsBuildItIsNamed() {
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(runner(DeclaredSchema.of(1, table("todos", column("id").bigint().primaryKey(),
                    column("title").varchar(100).notNull())), CREATE_TODOS)::migrate)
            .withMessageContaining("column todos.title is varchar(200) not null after migration 1, but declared"
                    + " varchar(100) not null");
    }

    @Test
    void aDeclaredColumnThatCannotBeAddedToATableInUseIsNamed() {
        runner(DeclaredSchema.of(1, TODOS), CREATE_TODOS).migrate();
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(runner(DeclaredSchema.of(2, table("todos", column("id").bigint().primaryKey(),
                    column("title").varchar(200).notNull(), column("owner").text().notNull())), CREATE_TODOS)::migrate)
            .withMessageContaining("the declared schema has column todos.owner, which no migration adds and which"
                    + " cannot be added to a table in use");
    }

    @Test
    void aDeclarationChangedWithoutANewVersionIsRefused() {
        runner(DeclaredSchema.of(2, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(200).notNull(), column("note").text())), CREATE_TODOS).migrate();
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(runner(DeclaredSchema.of(2, table("todos", column("id").bigint().primaryKey(),
                    column("title").varchar(200).notNull(), column("note").text(), column("due").date())),
                    CREATE_TODOS)::migrate)
            .withMessageContaining("Applied migration 2 \"Declared schema\" (the declared schema) was changed");
    }

}
