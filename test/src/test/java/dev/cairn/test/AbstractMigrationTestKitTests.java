package dev.cairn.test;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.MigrationSettings;
import dev.cairn.Version;
import dev.cairn.schema.DeclaredSchema;
import org.junit.jupiter.api.Test;

import static dev.cairn.schema.Steps.column;
import static dev.cairn.schema.Steps.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the kit must do on every database: pass a consistent set of migrations, and fail, naming the version and
 * the object, on one whose upgrade diverges from a fresh install, whose down leaves something behind, or whose
 * result is not the declared schema. One thin subclass per database says how to reach it.
 */
abstract class AbstractMigrationTestKitTests {

    abstract TestDatabaseFactory databases();

    private MigrationTestKit kit(List<dev.cairn.Migration> migrations) {
        return MigrationTestKit.forMigrations(migrations).databases(databases());
    }

    @Test
    void consistentMigrationsPassEveryCheck() {
        MigrationTestKit kit = kit(KitMigrations.consistent()).declaredSchema(KitMigrations.declared())
            .dataAt(1, (jdbc) -> jdbc.update("INSERT INTO todos (id, title) VALUES (1, 'milk')"));
        kit.assertFreshInstallEqualsUpgrade();
        kit.assertReversibleMigrationsRoundTrip();
        kit.assertDeclaredSchemaMatches();
    }

    @Test
    void anUpgradeThatEndsWithAnotherSchemaThanAFreshInstallFailsNamingTheVersionAndTheColumn() {
        MigrationTestKit kit = kit(KitMigrations.upgradeDiverges())
            .dataAt(1, (jdbc) -> jdbc.update("INSERT INTO todos (id, title) VALUES (1, 'milk')"));
        assertThatExceptionOfType(AssertionError.class).isThrownBy(kit::assertFreshInstallEqualsUpgrade)
            .withMessageStartingWith("Upgrading from version 1 to 3 leaves a schema other than a fresh install's")
            .withMessageContaining("column todos.priority: type ")
            .withMessageContaining(", in a fresh install ")
            .withMessageContaining("Upgrading from version 2 to 3");
    }

    @Test
    void withoutDataTheDivergingUpgradeIsNotNoticed() {
        kit(KitMigrations.upgradeDiverges()).assertFreshInstallEqualsUpgrade();
    }

    @Test
    void dataInsertedAtEachVersionIsThereAfterTheUpgrade() {
        List<String> seen = new ArrayList<>();
        kit(KitMigrations.consistent())
            .dataAt(1, (jdbc) -> jdbc.update("INSERT INTO todos (id, title) VALUES (1, 'milk')"))
            .dataAt(2, (jdbc) -> jdbc.update("INSERT INTO todos (id, title, priority) VALUES (2, 'eggs', 3)"))
            .afterUpgrade((from, jdbc) -> seen.add(from + ": " + jdbc.query("SELECT title, priority FROM todos"
                    + " ORDER BY id", (row, number) -> row.getString("title") + "/" + row.getInt("priority"))))
            .assertFreshInstallEqualsUpgrade();
        assertThat(seen).containsExactly("1: [milk/0]", "2: [milk/0, eggs/3]");
    }

    @Test
    void aDownThatLeavesAnIndexBehindFailsNamingTheMigrationAndTheIndex() {
        MigrationTestKit kit = kit(KitMigrations.downLeavesIndex());
        assertThatExceptionOfType(AssertionError.class).isThrownBy(kit::assertReversibleMigrationsRoundTrip)
            .withMessageStartingWith("The down() of migration 2 \"Java migration 2\" leaves a schema other than")
            .withMessageContaining("index todos.todos_by_title: left behind by its down()")
            .withMessageEndingWith("The migrations after it were not checked.");
    }

    @Test
    void aDeclaredSchemaThatIsNotTheMigratedOneFailsNamingWhatDiffers() {
        DeclaredSchema declared = DeclaredSchema.of(3, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(200).notNull(), column("priority").varchar(20).indexed(),
                column("done").bool()));
        MigrationTestKit kit = kit(KitMigrations.consistent()).declaredSchema(declared);
        // The runner itself folds the schema migrations and refuses the declaration before anything runs.
        assertThatExceptionOfType(AssertionError.class).isThrownBy(kit::assertDeclaredSchemaMatches)
            .withMessageContaining("The declared schema (version 3) and the schema migrations differ, nothing was"
                    + " changed: column todos.priority is integer default 0 after migration 2, but declared varchar(20)");
    }

    @Test
    void sqlScriptsOfTheSettingsLocationsAreCheckedWithTheirUndoScripts() {
        MigrationTestKit kit = MigrationTestKit.forMigrations(List.of())
            .settings(MigrationSettings.defaults().withLocations(List.of("classpath:kit/scripts")))
            .databases(databases())
            .dataAt(Version.of(1), (jdbc) -> jdbc.update("INSERT INTO notes (id, body) VALUES (1, 'hello')"));
        kit.assertFreshInstallEqualsUpgrade();
        kit.assertReversibleMigrationsRoundTrip();
    }

    @Test
    void dataForAVersionNoMigrationHasIsRefusedNamingTheVersions() {
        MigrationTestKit kit = kit(KitMigrations.consistent()).dataAt(7, (jdbc) -> {
        });
        assertThatIllegalArgumentException().isThrownBy(kit::assertFreshInstallEqualsUpgrade)
            .withMessage("dataAt(7, ...) names no migration: the versions are 1, 2, 3");
    }

    @Test
    void aKitWithNoMigrationsFailsRatherThanPasses() {
        MigrationTestKit kit = kit(List.of());
        assertThatIllegalStateException().isThrownBy(kit::assertFreshInstallEqualsUpgrade)
            .withMessageStartingWith("There are no versioned migrations to check")
            .withMessageEndingWith("the locations now are [classpath:db/migration]");
    }

}
