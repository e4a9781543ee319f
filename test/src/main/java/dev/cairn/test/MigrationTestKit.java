package dev.cairn.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.cairn.Migration;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationSettings;
import dev.cairn.Version;
import dev.cairn.core.schema.SchemaSnapshot;
import dev.cairn.schema.DeclaredSchema;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks an application's own migrations against real databases, as Room's {@code MigrationTestHelper} does for
 * Android and as WatermelonDB asks of every release (seed 003): a fresh install and every upgrade end with the same
 * schema, each reversible migration can go down and up again, and the declared schema is the migrated one.
 * <pre>
 * MigrationTestKit kit = MigrationTestKit.forMigrations(List.of(new CreateTodos(), new AddPriority()))
 *         .databases(TestDatabaseFactory.sqlite(tempDir))
 *         .dataAt(1, (jdbc) -&gt; jdbc.update("INSERT INTO todos (id, title) VALUES (1, 'milk')"));
 * kit.assertFreshInstallEqualsUpgrade();
 * kit.assertReversibleMigrationsRoundTrip();
 * </pre>
 * A failed check throws an {@link AssertionError} that names the version and every object that differs.
 */
public final class MigrationTestKit {

    private final Consumer<MigrationRunner.Builder> source;

    private MigrationSettings settings = MigrationSettings.defaults();

    private TestDatabaseFactory databases;

    private @Nullable DeclaredSchema declaredSchema;

    private final Map<Version, List<Consumer<JdbcTemplate>>> data = new LinkedHashMap<>();

    private BiConsumer<Version, JdbcTemplate> afterUpgrade = (from, jdbc) -> {
    };

    private MigrationTestKit(Consumer<MigrationRunner.Builder> source) {
        this.source = source;
        this.databases = () -> {
            throw new IllegalStateException("Say where the databases come from: databases(TestDatabaseFactory.sqlite"
                    + "(tempDir)), h2(), postgres(...) or mariadb(...)");
        };
    }

    /**
     * A kit for Java migrations, along with the SQL scripts of the {@linkplain #settings settings'} locations.
     * @param migrations the migrations, in any order
     * @return the kit
     */
    public static MigrationTestKit forMigrations(Collection<? extends Migration> migrations) {
        List<Migration> copy = List.copyOf(migrations);
        return new MigrationTestKit((builder) -> builder.migrations(copy));
    }

    /**
     * A kit for migrations looked up each time, such as the {@code Migration} beans of an application context
     * ({@code () -> context.getBeansOfType(Migration.class)}).
     * @param migrations the migrations by name
     * @return the kit
     */
    public static MigrationTestKit forMigrations(Supplier<? extends Map<String, ? extends Migration>> migrations) {
        return new MigrationTestKit((builder) -> builder.migrations(migrations));
    }

    /**
     * The settings the application migrates with: SQL script locations, placeholders, history table. The default
     * is {@link MigrationSettings#defaults()}, whose scripts are in {@code classpath:db/migration}. The target is
     * set by each check.
     * @param settings the settings
     * @return this kit
     */
    public MigrationTestKit settings(MigrationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /**
     * Where each check gets its fresh, empty databases.
     * @param databases the factory
     * @return this kit
     */
    public MigrationTestKit databases(TestDatabaseFactory databases) {
        this.databases = Objects.requireNonNull(databases, "databases");
        return this;
    }

    /**
     * The schema the migrations should end with, for {@link #assertDeclaredSchemaMatches()}.
     * @param declaredSchema the declaration
     * @return this kit
     */
    public MigrationTestKit declaredSchema(DeclaredSchema declaredSchema) {
        this.declaredSchema = Objects.requireNonNull(declaredSchema, "declaredSchema");
        return this;
    }

    /**
     * Data to insert when a database being upgraded step by step reaches a version, so that each upgrade runs on a
     * database that has data, as a user's does.
     * @param version the version of a migration
     * @param insert what to insert
     * @return this kit
     */
    public MigrationTestKit dataAt(long version, Consumer<JdbcTemplate> insert) {
        return dataAt(Version.of(version), insert);
    }

    /**
     * Data to insert when a database being upgraded reaches a version such as {@code 5.1}.
     * @param version the version of a migration
     * @param insert what to insert
     * @return this kit
     */
    public MigrationTestKit dataAt(Version version, Consumer<JdbcTemplate> insert) {
        this.data.computeIfAbsent(version, (key) -> new ArrayList<>()).add(insert);
        return this;
    }

    /**
     * A check of each upgraded database's data, such as that the rows inserted by {@link #dataAt} are still there.
     * @param check given the version the database was upgraded from, and the database
     * @return this kit
     */
    public MigrationTestKit afterUpgrade(BiConsumer<Version, JdbcTemplate> check) {
        this.afterUpgrade = Objects.requireNonNull(check, "check");
        return this;
    }

    /**
     * Migrates one empty database straight to the latest version and, for each earlier version, another one step by
     * step up to that version (stopping at each version that has {@link #dataAt data} to insert it) and then to the
     * latest, as an application installed at that version and upgraded; then asserts that every upgraded database
     * has the fresh install's schema.
     * @throws AssertionError naming each version whose upgrade ends with another schema, and what differs
     */
    public void assertFreshInstallEqualsUpgrade() {
        Migrator migrator = migrator();
        List<Version> versions;
        SchemaSnapshot fresh;
        try (TestDatabase database = this.databases.create()) {
            versions = migrator.versioned(database).stream().map(Migrator::versionOf).toList();
            migrator.migrate(database, null, "as a fresh install");
            fresh = migrator.snapshot(database);
        }
        Version latest = versions.get(versions.size() - 1);
        List<String> failures = new ArrayList<>();
        for (Version from : versions.subList(0, versions.size() - 1)) {
            try (TestDatabase database = this.databases.create()) {
                // Stopping only where there is data to insert reaches the same states with fewer runs.
                for (Version step : versions.subList(0, versions.indexOf(from) + 1)) {
                    if (step.equals(from) || migrator.hasDataAt(step)) {
                        migrator.migrate(database, step, "to version " + step + " on the way to upgrading from "
                                + from);
                        migrator.insertData(database, step);
                    }
                }
                migrator.migrate(database, null, "from version " + from + " to " + latest);
                List<String> differences = Migrator.differences(migrator.snapshot(database), fresh,
                        "in a fresh install", "not in a fresh install", "missing after upgrading from " + from);
                if (!differences.isEmpty()) {
                    failures.add(Migrator.report("Upgrading from version " + from + " to " + latest + " leaves a"
                            + " schema other than a fresh install's (" + database + "):", differences,
                            "Make the migrations after version " + from
                                    + " give the same schema on a database that has data as on an empty one."));
                }
                this.afterUpgrade.accept(from, new JdbcTemplate(database.dataSource()));
            }
        }
        fail(failures);
    }

    /**
     * Migrates one database up one version at a time and, after each reversible migration, reverts it and applies
     * it again; asserts that its down leaves the schema it found and that its second up gives the schema of the
     * first.
     * @throws AssertionError naming each migration that does not round-trip, and what differs
     */
    public void assertReversibleMigrationsRoundTrip() {
        fail(RoundTripCheck.failures(migrator(), this.databases));
    }

    /**
     * Asserts that a database migrated to the latest version has the schema of a database built from the
     * {@linkplain #declaredSchema declaration} alone (each declared table created as declared).
     * @throws AssertionError naming each object that differs
     * @throws IllegalStateException when no declared schema was given
     */
    public void assertDeclaredSchemaMatches() {
        DeclaredSchema declared = this.declaredSchema;
        if (declared == null) {
            throw new IllegalStateException("Give the declared schema first: declaredSchema(schema)");
        }
        fail(DeclaredSchemaCheck.failures(migrator(), this.databases, declared));
    }

    private Migrator migrator() {
        Map<Version, List<Consumer<JdbcTemplate>>> data = new LinkedHashMap<>();
        this.data.forEach((version, inserts) -> data.put(version, List.copyOf(inserts)));
        DeclaredSchema declared = this.declaredSchema;
        // The application's runner applies the declaration's automatic migration too; so do the checks' runners.
        Consumer<MigrationRunner.Builder> source = (declared != null)
                ? this.source.andThen((builder) -> builder.declaredSchema(declared)) : this.source;
        return new Migrator(source, this.settings, Map.copyOf(data));
    }

    static void fail(List<String> failures) {
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n\n", failures));
        }
    }

}
