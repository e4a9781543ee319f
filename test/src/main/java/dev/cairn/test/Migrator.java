package dev.cairn.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.cairn.DriftMode;
import dev.cairn.MigrationException;
import dev.cairn.MigrationInfo;
import dev.cairn.MigrationRunner;
import dev.cairn.MigrationSettings;
import dev.cairn.Version;
import dev.cairn.core.schema.LiveSchema;
import dev.cairn.core.schema.SchemaSnapshot;
import dev.cairn.dialect.Dialects;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every check of {@link MigrationTestKit} does to a database: migrate it to a version with the user's
 * migrations and settings, insert the user's data, and read its live schema without Cairn's own tables.
 *
 * @param source gives the runner the user's Java migrations
 * @param settings the user's settings, such as the locations of SQL scripts
 * @param data what to insert when a database reaches a version
 */
record Migrator(Consumer<MigrationRunner.Builder> source, MigrationSettings settings,
        Map<Version, List<Consumer<JdbcTemplate>>> data) {

    /**
     * A runner of the user's migrations and settings up to a version, without the schema signature: recording it
     * after every run of a check tripled the time a check takes on PostgreSQL, and says nothing of the migrations.
     */
    MigrationRunner runner(TestDatabase database, @Nullable Version target) {
        MigrationRunner.Builder builder = MigrationRunner.builder(database.dataSource())
            .settings(this.settings.withTarget(target).withDrift(DriftMode.OFF))
            .dataSourceDescription(database.description());
        this.source.accept(builder);
        return builder.build();
    }

    /**
     * Applies the migrations up to a version, or all of them.
     * @param path what this database is in the checks' story, such as "upgrading from version 2", for the message
     * @throws AssertionError naming the path when a migration fails
     */
    void migrate(TestDatabase database, @Nullable Version target, String path) {
        try {
            runner(database, target).migrate();
        }
        catch (MigrationException ex) {
            throw new AssertionError("Migrating " + database + " " + path + " failed: " + ex.getMessage(), ex);
        }
    }

    /**
     * The versioned migrations in order, SQL scripts included, each with whether it can be reverted.
     */
    List<MigrationInfo> versioned(TestDatabase database) {
        List<MigrationInfo> versioned = runner(database, null).status()
            .migrations()
            .stream()
            .filter((migration) -> migration.version() != null)
            .sorted(Comparator.comparing(Migrator::versionOf))
            .toList();
        if (versioned.isEmpty()) {
            throw new IllegalStateException("There are no versioned migrations to check: give them to forMigrations"
                    + "(...), or the locations of their scripts to settings(...); the locations now are "
                    + this.settings.locations());
        }
        Set<Version> versions = versioned.stream().map(Migrator::versionOf).collect(Collectors.toSet());
        for (Version version : this.data.keySet()) {
            if (!versions.contains(version)) {
                throw new IllegalArgumentException("dataAt(" + version + ", ...) names no migration: the versions are "
                        + versioned.stream().map((migration) -> String.valueOf(migration.version()))
                            .collect(Collectors.joining(", ")));
            }
        }
        return versioned;
    }

    static Version versionOf(MigrationInfo migration) {
        return Objects.requireNonNull(migration.version(), "a versioned migration's version");
    }

    boolean hasDataAt(Version version) {
        return this.data.containsKey(version);
    }

    /**
     * Runs what the test inserts at a version, in the order given.
     */
    void insertData(TestDatabase database, Version version) {
        List<Consumer<JdbcTemplate>> inserts = this.data.getOrDefault(version, List.of());
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        for (Consumer<JdbcTemplate> insert : inserts) {
            try {
                insert.accept(jdbc);
            }
            catch (RuntimeException ex) {
                throw new AssertionError("The data given to dataAt(" + version + ", ...) could not be inserted into "
                        + database + " at version " + version + ": " + ex.getMessage(), ex);
            }
        }
    }

    /**
     * The schema the database holds now, without the history table and Cairn's other tables.
     */
    SchemaSnapshot snapshot(TestDatabase database) {
        try (Connection connection = database.dataSource().getConnection()) {
            return LiveSchema.read(connection, Dialects.forProductName(connection.getMetaData()
                .getDatabaseProductName()), this.settings.schema(), LiveSchema.cairnTables(this.settings, Set.of()));
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not read the schema of " + database + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * What differs between a database and the one it should equal, one line per object, in words of this check.
     * @param word what the expected schema is, such as "in a fresh install": {@code type TEXT, in a fresh install
     * INTEGER}
     * @param extra what an object only the actual schema has is, such as "not in a fresh install"
     * @param missing what an object only the expected schema has is, such as "missing after upgrading from 2"
     */
    static List<String> differences(SchemaSnapshot actual, SchemaSnapshot expected, String word, String extra,
            String missing) {
        return actual.differences(expected, word).stream().map((difference) -> {
            if (difference.endsWith(": not " + word)) {
                return difference.substring(0, difference.length() - word.length() - 4) + extra;
            }
            if (difference.endsWith(": missing")) {
                return difference.substring(0, difference.length() - "missing".length()) + missing;
            }
            return difference;
        }).toList();
    }

    /**
     * A failure's text: a headline, the differences one a line, and what to do.
     */
    static String report(String headline, List<String> differences, String advice) {
        StringBuilder text = new StringBuilder(headline);
        differences.forEach((difference) -> text.append("\n  ").append(difference));
        return text.append('\n').append(advice).toString();
    }

}
