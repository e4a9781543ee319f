package dev.cairn.steps;

import java.nio.file.Path;
import java.util.List;

import dev.cairn.MigrationRunner;
import dev.cairn.schema.DeclaredSchema;
import dev.cairn.schema.OnDelete;
import dev.cairn.schema.SchemaMigration;
import dev.cairn.schema.Step;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.cairn.schema.Steps.addColumns;
import static dev.cairn.schema.Steps.column;
import static dev.cairn.schema.Steps.createTable;
import static dev.cairn.schema.Steps.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of README.md's "Schema migrations: steps as data" and "The declared schema", as a user copies them,
 * run on an SQLite file that enforces foreign keys: if the README's code stops working, this fails.
 */
class ReadmeSchemaExamplesTests {

    @TempDir
    Path directory;

    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        this.database = TestDatabases.sqliteWithForeignKeys(this.directory);
    }

    @AfterEach
    void dropDatabase() {
        this.database.close();
    }

    /** README.md's schema migration, as written there. */
    static class CreateComments implements SchemaMigration {

        @Override
        public long version() {
            return 4;
        }

        @Override
        public List<Step> steps() {
            return List.of(
                    createTable("comments",
                            column("id").bigint().primaryKey(),
                            column("todo_id").bigint().notNull().references("todos", "id", OnDelete.CASCADE).indexed(),
                            column("body").text(),
                            column("created_at").timestamp().notNull().defaultSql("CURRENT_TIMESTAMP")),
                    addColumns("todos", column("comment_count").integer().notNull().defaultValue(0)));
        }

    }

    /** README.md's declared schema, as written there. */
    static DeclaredSchema schema() {
        return DeclaredSchema.of(3,
                table("users", column("id").bigint().primaryKey(), column("name").varchar(100).notNull()),
                table("todos", column("id").bigint().primaryKey(),
                        column("title").varchar(200).notNull(),
                        column("priority").integer().notNull().defaultValue(0).indexed(),
                        column("user_id").bigint().references("users", "id", OnDelete.CASCADE))
                    .index("priority", "title"));
    }

    @Test
    void theSchemaMigrationOfTheReadmeCreatesCommentsAndCountsThem() throws Exception {
        MigrationRunner.builder(this.database.dataSource())
            .migrations(List.of(new Sql(1, "Create todos", "CREATE TABLE todos (id BIGINT PRIMARY KEY, title TEXT)",
                    "INSERT INTO todos (id, title) VALUES (1, 'Write')"), new CreateComments()))
            .build()
            .migrate();
        this.database.jdbc().update("INSERT INTO comments (id, todo_id, body) VALUES (1, 1, 'Nice')");
        assertThat(this.database.jdbc().queryForObject("SELECT created_at FROM comments", String.class)).isNotNull();
        assertThat(this.database.jdbc().queryForObject("SELECT comment_count FROM todos", Integer.class)).isZero();
        assertThat(TableCatalog.indexes(this.database.dataSource(), "comments")).containsKey("comments_todo_id_idx");
        this.database.jdbc().update("DELETE FROM todos");
        assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM comments", Integer.class))
            .as("the cascade").isZero();
    }

    @Test
    void theDeclaredSchemaOfTheReadmeBuildsAnEmptyDatabase() throws Exception {
        MigrationRunner runner = MigrationRunner.builder(this.database.dataSource()).declaredSchema(schema()).build();
        runner.migrate();
        assertThat(runner.status().migrations()).singleElement()
            .satisfies((migration) -> assertThat(migration.type()).isEqualTo("SCHEMA_AUTO"));
        assertThat(TableCatalog.indexes(this.database.dataSource(), "todos")).containsKeys("todos_priority_idx",
                "todos_priority_title_idx");
        this.database.jdbc().update("INSERT INTO users (id, name) VALUES (1, 'Ada')");
        this.database.jdbc().update("INSERT INTO todos (id, title, user_id) VALUES (1, 'Write', 1)");
        assertThat(this.database.jdbc().queryForObject("SELECT priority FROM todos", Integer.class)).isZero();
    }

}
