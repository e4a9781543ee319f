package dev.cairn.flyway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.cairn.MigrationRunner;
import dev.cairn.MigrationSettings;
import dev.cairn.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold for a realistic folder of scripts written for one database: applied by the real Flyway into one
 * fresh schema and by Cairn into another, it leaves the same catalog (tables, columns, indexes, constraints, views,
 * routines and triggers) and the same checksum for every script. Each database has a subclass with its folder.
 */
abstract class AbstractFlywayEquivalenceTests {

    static final Map<String, String> PLACEHOLDERS = Map.of("admin_email", "admin@example.com", "status_default",
            "new");

    @TempDir
    Path directory;

    @TempDir
    Path scripts;

    private TestDatabase byFlyway;

    private TestDatabase byCairn;

    protected abstract TestDatabase createDatabase(Path directory);

    /**
     * Writes the folder: scripts with what is hard to split or to run in this database's dialect.
     * @param folder the folder
     * @throws IOException when a script cannot be written
     */
    protected abstract void writeScripts(Path folder) throws IOException;

    /**
     * Describes the schema a test database's connections work in.
     * @param jdbc the database
     * @return the catalog's lines
     */
    protected abstract List<String> catalog(JdbcTemplate jdbc);

    /**
     * Names that the folder's scripts create, so that the catalogs compared are not empty alike.
     * @return the names
     */
    protected abstract List<String> createdObjects();

    /**
     * Configures Flyway as a team using this folder with this database must.
     * @param flyway Flyway's configuration
     * @return the configuration
     */
    protected FluentConfiguration configure(FluentConfiguration flyway) {
        return flyway;
    }

    @AfterEach
    void dropDatabases() {
        for (TestDatabase database : new TestDatabase[] { this.byFlyway, this.byCairn }) {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void leavesTheSameSchemaAndChecksumsAsFlywayFromTheSameScripts() throws IOException {
        writeScripts(this.scripts);
        this.byFlyway = createDatabase(this.directory);
        this.byCairn = createDatabase(this.directory);

        configure(Flyway.configure()
            .dataSource(this.byFlyway.dataSource())
            .locations("filesystem:" + this.scripts)
            .placeholders(PLACEHOLDERS)).load().migrate();
        new MigrationRunner(this.byCairn.dataSource(), List.of(), MigrationSettings.defaults()
            .withLocations(List.of("filesystem:" + this.scripts))
            .withPlaceholders(PLACEHOLDERS)).migrate();

        List<String> flywaySchema = catalog(this.byFlyway.jdbc());
        List<String> cairnSchema = catalog(this.byCairn.jdbc());
        assertThat(String.join("\n", cairnSchema)).contains(createdObjects());
        assertThat(cairnSchema).as("the schema Cairn made, compared with Flyway's").isEqualTo(flywaySchema);
        assertThat(checksums(this.byCairn.jdbc(), "cairn_migrations"))
            .isEqualTo(checksums(this.byFlyway.jdbc(), "flyway_schema_history"))
            .hasSize(countScripts());
    }

    private static Map<String, Integer> checksums(JdbcTemplate jdbc, String table) {
        Map<String, Integer> checksums = new TreeMap<>();
        jdbc.query("SELECT script, checksum FROM " + table + " WHERE type = 'SQL' AND success = ?",
                (rs) -> {
                    checksums.put(rs.getString(1), rs.getInt(2));
                }, true);
        return checksums;
    }

    private int countScripts() throws IOException {
        try (var files = Files.list(this.scripts)) {
            return (int) files.filter((file) -> file.toString().endsWith(".sql")).count();
        }
    }

    static void script(Path folder, String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

}
