package dev.cairn.reset;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import dev.cairn.Migration;
import dev.cairn.MigrationException;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationSettings;
import dev.cairn.schema.SchemaMigration;
import dev.cairn.schema.Step;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestMigrations.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.cairn.schema.Steps.column;
import static dev.cairn.schema.Steps.createTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code cairn.reset-on-incompatible}, the development reset, on every database: a database newer than the
 * application, or one no migration path leads from, is dropped and migrated again, loudly; allowed on SQLite and H2,
 * and elsewhere only for the URL named. Each database has a thin subclass.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractDevelopmentResetTests {

    private static final Migration CREATE_TODOS = new Sql(1, "Create todos",
            "CREATE TABLE todos (id INTEGER NOT NULL PRIMARY KEY, title VARCHAR(100) NOT NULL)",
            "INSERT INTO todos (id, title) VALUES (1, 'Seeded')");

    private static final Migration ADD_TAGS = new Sql(2, "Create tags", "CREATE TABLE tags (name VARCHAR(40))");

    private static final Migration DROP_TAGS = new Sql(3, "Drop tags", "DROP TABLE tags");

    @TempDir
    Path directory;

    protected TestDatabase database;

    protected abstract TestDatabase createDatabase(Path directory);

    /**
     * Whether the reset needs the database's URL named.
     * @return {@code true} for databases other than SQLite and H2
     */
    protected boolean needsUrl() {
        return false;
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

    private MigrationRunner runner(MigrationSettings settings, Migration... migrations) {
        return MigrationRunner.builder(this.database.dataSource()).migrations(List.of(migrations)).settings(settings)
            .build();
    }

    private MigrationSettings resetting() throws Exception {
        String url = null;
        if (needsUrl()) {
            try (Connection connection = this.database.dataSource().getConnection()) {
                url = connection.getMetaData().getURL();
            }
        }
        return MigrationSettings.defaults().withResetOnIncompatible(true, url);
    }

    @Test
    void aDatabaseNewerThanTheApplicationIsDroppedAndMigratedAgain(CapturedOutput output) throws Exception {
        runner(MigrationSettings.defaults(), CREATE_TODOS, ADD_TAGS, DROP_TAGS).migrate();
        this.database.jdbc().update("INSERT INTO todos (id, title) VALUES (2, 'Typed by hand')");
        runner(resetting(), CREATE_TODOS, ADD_TAGS).migrate();
        assertThat(output).contains("cairn.reset-on-incompatible=true: RESETTING")
            .contains("it has migrations of a newer version of the application, up to version 3");
        assertThat(this.database.jdbc().queryForList("SELECT title FROM todos", String.class))
            .as("built again by the migrations").containsExactly("Seeded");
        assertThat(this.database.hasTable("tags")).isTrue();
        assertThat(this.database.jdbc().queryForList("SELECT version FROM cairn_migrations ORDER BY installed_rank",
                String.class)).containsExactly("1", "2");
    }

    @Test
    void aDatabaseWithAnEditedMigrationIsDroppedAndMigratedAgain(CapturedOutput output) throws Exception {
        runner(MigrationSettings.defaults(), CREATE_TODOS, new Tags(2, "Create tags",
                List.of(createTable("tags", column("name").varchar(40))))).migrate();
        runner(resetting(), CREATE_TODOS, new Tags(2, "Create tags",
                List.of(createTable("tags", column("name").varchar(40), column("color").varchar(10))))).migrate();
        assertThat(output).contains("no migration path leads from it: Applied migration 2");
        this.database.jdbc().update("INSERT INTO tags (name, color) VALUES ('x', 'red')");
    }

    /**
     * A schema migration, whose checksum follows its steps.
     */
    record Tags(long version, String description, List<Step> steps) implements SchemaMigration {

    }

    @Test
    void aCompatibleDatabaseIsLeftAlone() throws Exception {
        runner(MigrationSettings.defaults(), CREATE_TODOS).migrate();
        this.database.jdbc().update("INSERT INTO todos (id, title) VALUES (2, 'Mine')");
        runner(resetting(), CREATE_TODOS, ADD_TAGS).migrate();
        assertThat(this.database.jdbc().queryForList("SELECT title FROM todos ORDER BY id", String.class))
            .containsExactly("Seeded", "Mine");
    }

    @Test
    void withoutTheResetANewerDatabaseStopsTheStartAsCairnFutureSays() {
        runner(MigrationSettings.defaults(), CREATE_TODOS, ADD_TAGS, DROP_TAGS).migrate();
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(runner(MigrationSettings.defaults(), CREATE_TODOS, ADD_TAGS)::migrate)
            .withMessageContaining("ahead of this application");
    }

}
