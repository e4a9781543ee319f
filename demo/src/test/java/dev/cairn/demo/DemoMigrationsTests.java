package dev.cairn.demo;

import java.nio.file.Path;
import java.util.List;

import dev.cairn.Version;
import dev.cairn.demo.migrations.AddTodoPriority;
import dev.cairn.demo.migrations.CreateTodoNotes;
import dev.cairn.demo.migrations.CreateTodos;
import dev.cairn.demo.migrations.CreateUsers;
import dev.cairn.demo.migrations.IndexTodosByPriority;
import dev.cairn.test.MigrationTestKit;
import dev.cairn.test.TestDatabaseFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's own migrations checked with {@code cairn-test}: the Java beans, the scripts of
 * {@code classpath:db/migration} and the schema migration, with the declared schema's automatic migration, on
 * SQLite always and on the PostgreSQL server named by {@code CAIRN_TEST_POSTGRES_URL} when it is set.
 * <p>
 * The upgrade and round-trip checks stop at every version, and the kit applies the repeatable
 * {@code R__todo_summary.sql} at each stop, as a migrate with a target does. Its view reads {@code todos.priority}
 * (versions 2 and 3): SQLite accepts the view before they exist and resolves it when it is read, PostgreSQL refuses
 * it. So those two checks run on SQLite, and the declared schema is checked on both.
 */
class DemoMigrationsTests {

    @TempDir
    Path directory;

    @Test
    void aFreshInstallAndEveryUpgradeWithDataEndWithTheSameSchema() {
        kit("sqlite").assertFreshInstallEqualsUpgrade();
    }

    @Test
    void everyReversibleMigrationGoesDownAndUpAgain() {
        kit("sqlite").assertReversibleMigrationsRoundTrip();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "sqlite", "postgres" })
    void theMigrationsBuildTheDeclaredSchema(String database) {
        kit(database).assertDeclaredSchemaMatches();
    }

    private MigrationTestKit kit(String database) {
        return MigrationTestKit
            .forMigrations(List.of(new CreateUsers(), new CreateTodos(), new AddTodoPriority(),
                    new IndexTodosByPriority(), new CreateTodoNotes()))
            .declaredSchema(new DemoSchema().declaredSchema())
            .databases(databases(database))
            .dataAt(3, (jdbc) -> {
                jdbc.update("INSERT INTO users (name, email) VALUES (?, ?)", "Ann", "ann@example.com");
                jdbc.update("INSERT INTO todos (user_id, title, priority) SELECT id, ?, ? FROM users WHERE email = ?",
                        "Call Ann back", 3, "ann@example.com");
            })
            .afterUpgrade((from, jdbc) -> {
                if (from.compareTo(Version.of(3)) >= 0) {
                    assertThat(jdbc.queryForList("SELECT title FROM todos WHERE due_on IS NULL", String.class))
                        .as("upgraded from " + from)
                        .contains("Call Ann back");
                }
            });
    }

    private TestDatabaseFactory databases(String database) {
        if (database.equals("postgres")) {
            return TestDatabaseFactory.postgres(System.getenv("CAIRN_TEST_POSTGRES_URL"),
                    System.getenv().getOrDefault("CAIRN_TEST_POSTGRES_USERNAME", "postgres"),
                    System.getenv().getOrDefault("CAIRN_TEST_POSTGRES_PASSWORD", ""));
        }
        return TestDatabaseFactory.sqlite(this.directory);
    }

}
