package dev.cairn.steps;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import dev.cairn.MigrationFailedException;
import dev.cairn.schema.OnDelete;
import dev.cairn.schema.Steps;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static dev.cairn.schema.Steps.addForeignKey;
import static dev.cairn.schema.Steps.alterColumn;
import static dev.cairn.schema.Steps.column;
import static dev.cairn.schema.Steps.createTable;
import static dev.cairn.schema.Steps.dropColumn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Declarative steps on an SQLite file that enforces foreign keys, and the table rebuild that runs what SQLite's
 * {@code ALTER TABLE} cannot do.
 */
class SqliteSchemaStepsTests extends AbstractSchemaStepsTests {

    @Override
    protected TestDatabase createDatabase(Path directory) {
        return TestDatabases.sqliteWithForeignKeys(directory);
    }

    private void addTriggerAndView() {
        this.database.jdbc().execute("CREATE TABLE audit (todo_id INTEGER, title TEXT)");
        this.database.jdbc().execute("CREATE TRIGGER todos_audit AFTER INSERT ON todos BEGIN"
                + " INSERT INTO audit (todo_id, title) VALUES (new.id, new.title); END");
        this.database.jdbc().execute("CREATE VIEW open_todos AS SELECT id, title FROM todos WHERE done = 0");
        this.database.jdbc().execute("CREATE TABLE comments (id INTEGER PRIMARY KEY,"
                + " todo_id INTEGER REFERENCES todos (id) ON DELETE CASCADE, body TEXT)");
    }

    @Test
    void theRebuildKeepsRowsIndexesForeignKeysTriggersViewsAndTheRowsThatReferToTheTable() throws Exception {
        migrateFirst(CREATE_TODOS);
        addTriggerAndView();
        insertTodos();
        this.database.jdbc().update("INSERT INTO comments (id, todo_id, body) VALUES (1, 1, 'first'), (2, 2, 'x')");
        runner(CREATE_TODOS, schema(2, "Widen title", alterColumn("todos", "title").type(Steps.varchar(500)).nullable()))
            .migrate();
        assertThat(titles()).containsExactly("Write", "Test");
        assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM comments", Integer.class))
            .as("rows of other tables that refer to the rebuilt one, which a cascade would have deleted")
            .isEqualTo(2);
        assertThat(this.database.jdbc().queryForObject("SELECT sql FROM sqlite_master WHERE name = 'todos'",
                String.class)).contains("title VARCHAR(500)");
        assertThat(TableCatalog.indexes(this.database.dataSource(), "todos")).containsKey("todos_user_id_idx");
        this.database.jdbc().update("INSERT INTO todos (id, title, user_id) VALUES (3, 'Ship', 1)");
        assertThat(this.database.jdbc().queryForList("SELECT title FROM audit", String.class)).as("the trigger, which the rows copied by the rebuild did not fire")
            .containsExactly("Write", "Test", "Ship");
        assertThat(this.database.jdbc().queryForList("SELECT title FROM open_todos ORDER BY id", String.class))
            .as("the view").containsExactly("Write", "Test", "Ship");
        this.database.jdbc().update("DELETE FROM users");
        assertThat(titles()).as("its own foreign key, with its cascade").isEmpty();
        assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM comments", Integer.class))
            .as("the foreign key that refers to it, with its cascade").isZero();
    }

    @Test
    void foreignKeysAreEnforcedAgainOnEveryConnectionAfterARebuild() throws Exception {
        runner(CREATE_TODOS, schema(2, "Drop done", dropColumn("todos", "done"), createTable("tags",
                column("id").integer().primaryKey()))).migrate();
        for (int i = 0; i < 12; i++) {
            try (Connection connection = this.database.dataSource().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("PRAGMA foreign_keys")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        assertThat(TableCatalog.columns(this.database.dataSource(), "todos")).doesNotContainKey("done");
    }

    @Test
    void aForeignKeyThatExistingRowsBreakFailsTheMigrationAndChangesNothing() throws Exception {
        migrateFirst(CREATE_TODOS);
        this.database.jdbc().execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, todo_id INTEGER)");
        this.database.jdbc().update("INSERT INTO notes (id, todo_id) VALUES (1, 42)");
        assertThatExceptionOfType(MigrationFailedException.class)
            .isThrownBy(runner(CREATE_TODOS, schema(2, "Link notes",
                    addForeignKey("notes", "todo_id", "todos", "id", OnDelete.CASCADE)))::migrate)
            .withMessageContaining("step 1 of 1, addForeignKey(notes foreign key notes_todo_id_fk")
            .withMessageContaining("1 row(s) break a foreign key, the first in table notes");
        assertThat(this.database.jdbc().queryForObject("SELECT sql FROM sqlite_master WHERE name = 'notes'",
                String.class)).doesNotContain("REFERENCES");
        assertThat(this.database.jdbc().queryForList("SELECT todo_id FROM notes", Integer.class)).containsExactly(42);
    }

    @Test
    void aJavaMigrationCannotRebuildATableWhileForeignKeysAreEnforced() {
        migrateFirst(CREATE_TODOS);
        dev.cairn.Migration alter = new dev.cairn.Migration() {
            @Override
            public long version() {
                return 2;
            }

            @Override
            public void up(dev.cairn.MigrationContext context) {
                context.apply(alterColumn("todos", "title").nullable());
            }
        };
        assertThatExceptionOfType(MigrationFailedException.class)
            .isThrownBy(runner(CREATE_TODOS, alter)::migrate)
            .withMessageContaining("step 1 of 1, alterColumn(todos.title: nullable): it needs SQLite's table rebuild,"
                    + " which runs only with foreign keys off, and only a SchemaMigration switches them off");
        assertThat(titles()).isEmpty();
    }

    @Test
    void aTableWithWhatTheRebuildCannotCarryOverIsRefusedByName() {
        migrateFirst(CREATE_TODOS);
        this.database.jdbc().execute("CREATE TABLE prices (id INTEGER PRIMARY KEY, amount INTEGER CHECK (amount > 0))");
        assertThatExceptionOfType(MigrationFailedException.class)
            .isThrownBy(runner(CREATE_TODOS, schema(2, "Price", alterColumn("prices", "amount").notNull()))::migrate)
            .withMessageContaining("step 1 of 1, alterColumn(prices.amount: not null): it needs SQLite's table"
                    + " rebuild, which cannot carry over the 'CHECK (' of table prices");
        assertThat(this.database.jdbc().queryForList("SELECT name FROM pragma_table_info('prices')", String.class))
            .isEqualTo(List.of("id", "amount"));
    }

}
