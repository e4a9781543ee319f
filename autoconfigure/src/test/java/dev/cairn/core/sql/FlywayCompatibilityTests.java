package dev.cairn.core.sql;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.cairn.MigrationException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.parser.PlaceholderReplacingReader;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.StringResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway itself migrates folders of scripts into SQLite, and what it records in {@code flyway_schema_history} is
 * compared with what Cairn reads from the same files: names, versions, descriptions, paths and checksums.
 */
class FlywayCompatibilityTests {

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    @TempDir
    Path directory;

    @Test
    void computesTheChecksumsFlywayRecordsAndReadsTheSameNames() throws IOException {
        Path scripts = Files.createDirectories(this.directory.resolve("scripts"));
        write(scripts, "V1.0.0__create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n");
        write(scripts, "V1_1__add_email_index.sql", "ALTER TABLE users ADD COLUMN email TEXT;\r\n\r\n"
                + "CREATE INDEX users_email ON users (email);\r\n\r\n\r\n");
        write(scripts, "V1_1__add_email_index.sql.conf", "executeInTransaction=false\n");
        write(scripts, "V2.0__insert_names.sql", bytes(BOM, "-- Zoë, Łukasz, 日本, 😀\n"
                + "INSERT INTO users (name) VALUES ('Zoë');\n\nINSERT INTO users (name) VALUES ('日本 😀');"));
        write(scripts, "V3__use_placeholders.sql", "CREATE TABLE ${table_prefix}notes (text TEXT);\n"
                + "INSERT INTO ${TABLE_PREFIX}notes (text) VALUES ('$${kept} and $$${table_prefix}');\n");
        write(scripts, "V4__mixed_line_endings.sql", "CREATE TABLE mixed (a INTEGER);\rINSERT INTO mixed VALUES (1);"
                + "\r\nINSERT INTO mixed VALUES (2);\n\r\n");
        write(scripts, "V5__upper_case_suffix.SQL", "CREATE TABLE upper_suffix (a INTEGER);");
        write(scripts, "V6.sql", "CREATE TABLE no_description (a INTEGER);\n");
        write(scripts, "V7__dots.in.the.description.sql", "CREATE TABLE dots (a INTEGER);\n");
        write(scripts, "sub/folder/V8__in_a_sub_folder.sql", "CREATE TABLE nested (a INTEGER);\n");
        write(scripts, "V9__only_a_comment.sql", "-- nothing to do\n");
        write(scripts, "V010__leading_zero.sql", "CREATE TABLE zero (a INTEGER);\n");
        write(scripts, "R__notes_view.sql", "-- ${flyway:filename} in ${flyway:table}\n"
                + "DROP VIEW IF EXISTS ${table_prefix}notes_view;\n"
                + "CREATE VIEW ${table_prefix}notes_view AS SELECT text FROM ${table_prefix}notes;\n");
        write(scripts, "R__plain_view.sql", "CREATE VIEW IF NOT EXISTS plain_view AS SELECT 1 AS one;\n");
        write(scripts, "V11__latin_1.sql", "INSERT INTO users (name) VALUES ('Zoë');\n"
            .getBytes(StandardCharsets.ISO_8859_1));
        write(scripts, "V11__latin_1.sql.conf", "encoding=ISO-8859-1\n");
        write(scripts, "R__kept_placeholder.sql", "CREATE VIEW IF NOT EXISTS kept AS SELECT '${kept}' AS k;\n");
        write(scripts, "R__kept_placeholder.sql.conf", "placeholderReplacement=false\n");
        write(scripts, "V366_remove_x.sql", "this is not run");
        write(scripts, "v11__lower_case_prefix.sql", "this is not run");
        write(scripts, "Vabc__not_a_version.sql", "this is not run");
        write(scripts, "README.md", "not a script");

        List<Map<String, Object>> history = migrateWithFlyway(scripts, "one");
        assertThat(history)
            .extracting((row) -> row.get("script") + " " + row.get("version") + " " + row.get("description"))
            .contains("V1_1__add_email_index.sql 1.1 add email index", "V5__upper_case_suffix.SQL 5 upper case suffix",
                    "V6.sql 6 ", "V7__dots.in.the.description.sql 7 dots.in.the.description",
                    "sub/folder/V8__in_a_sub_folder.sql 8 in a sub folder", "V010__leading_zero.sql 010 leading zero",
                    "R__notes_view.sql null notes view")
            .hasSize(15);

        Placeholders placeholders = Placeholders.of(Map.of("table_prefix", "app_"))
            .withBuiltIn("table", "flyway_schema_history");
        Map<String, SqlScript> cairn = new ScriptScanner(getClass().getClassLoader(), ScriptNaming.defaults())
            .scan(List.of("filesystem:" + scripts))
            .stream()
            .map(SqlScript::load)
            .collect(Collectors.toMap((script) -> script.file().relativePath(), Function.identity()));
        assertThat(cairn.keySet()).as("the scripts Flyway applied are the ones Cairn finds")
            .containsExactlyInAnyOrderElementsOf(history.stream().map((row) -> (String) row.get("script")).toList());
        for (Map<String, Object> row : history) {
            SqlScript script = cairn.get((String) row.get("script"));
            assertThat(script.checksum(placeholders)).as("checksum of %s", script).isEqualTo(row.get("checksum"));
            assertThat(script.name().normalizedVersion()).as("version of %s", script).isEqualTo(row.get("version"));
            assertThat(script.name().description()).as("description of %s", script)
                .isEqualTo(row.get("description"));
        }
        SqlScript repeatable = cairn.get("R__notes_view.sql");
        assertThat(repeatable.checksum(placeholders)).as("a repeatable script's checksum is of its replaced text")
            .isNotEqualTo(repeatable.checksum())
            .isEqualTo(FlywayChecksum.of(repeatable.text(placeholders)));
        assertThat(cairn.get("V1_1__add_email_index.sql").executeInTransaction(true)).isFalse();
        assertThat(new JdbcTemplate(dataSource("one")).queryForObject("SELECT text FROM app_notes", String.class))
            .as("Flyway and Cairn leave $${kept} alone and replace $$${table_prefix}")
            .isEqualTo("$${kept} and $$app_")
            .isEqualTo(placeholders.replace("$${kept} and $$${table_prefix}", "test"));
    }

    @Test
    void recordsVersionsWithDotsForUnderscoresKeepingTrailingZeros() throws IOException {
        Path scripts = Files.createDirectories(this.directory.resolve("versions"));
        write(scripts, "V1.0.0__one.sql", "SELECT 1;\n");
        write(scripts, "V1_1__one_one.sql", "SELECT 1;\n");
        write(scripts, "V2.0__two.sql", "SELECT 1;\n");
        write(scripts, "V2_1_0_49_5__long.sql", "SELECT 1;\n");

        List<Map<String, Object>> history = migrateWithFlyway(scripts, "versions");

        assertThat(history).extracting((row) -> row.get("version"))
            .containsExactly("1.0.0", "1.1", "2.0", "2.1.0.49.5");
        assertThat(List.of("V1.0.0__one.sql", "V1_1__one_one.sql", "V2.0__two.sql", "V2_1_0_49_5__long.sql"))
            .extracting((name) -> ScriptNaming.defaults().parse(name).normalizedVersion())
            .containsExactly("1.0.0", "1.1", "2.0", "2.1.0.49.5");
    }

    @Test
    void agreesWithFlywaysChecksumCalculatorOnRandomText() throws IOException {
        String alphabet = "ab ;'\r\n\n\r\u00e9\u20ac\u65e5\uFEFF\uD83D\uDE00";
        Random random = new Random(20261121);
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(40); text.length() < length;) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String script = text.toString();
            int flyway = ChecksumCalculator.calculate(new StringResource(script));
            assertThat(FlywayChecksum.of(script)).as("checksum of %s", script).isEqualTo(flyway);
            byte[] utf8 = script.getBytes(StandardCharsets.UTF_8);
            if (new String(utf8, StandardCharsets.UTF_8).equals(script)) {
                assertThat(FlywayChecksum.of(utf8, StandardCharsets.UTF_8)).as("checksum of %s", script)
                    .isEqualTo(flyway);
            }
        }
    }

    @ParameterizedTest(name = "{0}name{1}")
    @CsvSource({ "${, }", "#[, ]", "%{, }%" })
    void replacesPlaceholdersLikeFlywaysReaderOnRandomText(String prefix, String suffix) throws IOException {
        Map<String, String> values = Map.of("a", "1", "B", prefix + "a" + suffix, "e", "");
        Placeholders placeholders = Placeholders.of(values).withSyntax(prefix, suffix);
        String[] pieces = { prefix.substring(0, 1), prefix.substring(1), suffix, prefix, prefix + "a" + suffix,
                prefix + "A" + suffix, prefix + "B" + suffix, prefix + "e" + suffix, prefix + "x" + suffix, "a", "\n" };
        Random random = new Random(20261121);
        int replaced = 0;
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder();
            for (int count = random.nextInt(8); count > 0; count--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String script = text.toString();
            String cairn;
            try {
                cairn = placeholders.replace(script, "test");
            }
            catch (MigrationException ex) {
                if (ex.getMessage().contains("has no '" + suffix + "'")) {
                    // Flyway looks up what follows an unclosed prefix minus its last character, or fails on an index
                    continue;
                }
                cairn = null;
            }
            String flyway;
            try {
                flyway = readWithFlyway(script, values, prefix, suffix);
            }
            catch (FlywayException ex) {
                flyway = null;
            }
            assertThat(cairn).as("replacing in %s", script).isEqualTo(flyway);
            replaced += (cairn != null && !cairn.equals(script)) ? 1 : 0;
        }
        assertThat(replaced).as("scripts where something was replaced").isGreaterThan(500);
    }

    private static String readWithFlyway(String script, Map<String, String> values, String prefix, String suffix)
            throws IOException {
        StringBuilder out = new StringBuilder();
        try (Reader reader = new PlaceholderReplacingReader(prefix, suffix, ":", values, new StringReader(script))) {
            for (int c = reader.read(); c >= 0; c = reader.read()) {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private List<Map<String, Object>> migrateWithFlyway(Path scripts, String database) {
        Flyway.configure()
            .dataSource(dataSource(database))
            .locations("filesystem:" + scripts)
            .placeholders(Map.of("table_prefix", "app_"))
            .load()
            .migrate();
        return new JdbcTemplate(dataSource(database)).queryForList("SELECT version, description, script, checksum"
                + " FROM flyway_schema_history WHERE type = 'SQL' ORDER BY installed_rank");
    }

    private SimpleDriverDataSource dataSource(String database) {
        return new SimpleDriverDataSource(new org.sqlite.JDBC(),
                "jdbc:sqlite:" + this.directory.resolve(database + ".db"));
    }

    private static void write(Path directory, String name, String text) throws IOException {
        write(directory, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path directory, String name, byte[] content) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private static byte[] bytes(byte[] start, String text) {
        byte[] rest = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + rest.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(rest, 0, all, start.length, rest.length);
        return all;
    }

}
