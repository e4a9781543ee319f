package dev.cairn.core.sql;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import dev.cairn.MigrationException;
import dev.cairn.core.sql.ScriptName.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Finding scripts in folders on the classpath and the filesystem, and inside jars.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScriptScannerTests {

    private final ScriptScanner scanner = new ScriptScanner(getClass().getClassLoader(), ScriptNaming.defaults());

    @TempDir
    Path directory;

    @Test
    void findsScriptsInNestedFoldersOnTheClasspathSortedByTheirPaths() {
        List<ScriptFile> scripts = this.scanner.scan(List.of("classpath:cairn-scripts/scanning"));
        assertThat(scripts).extracting(ScriptFile::relativePath)
            .containsExactly("V1__first.sql", "sub/V2__second.sql", "sub/deeper/R__views.sql");
        ScriptFile second = scripts.get(1);
        assertThat(second.location().descriptor()).isEqualTo("classpath:cairn-scripts/scanning");
        assertThat(second.fileName()).isEqualTo("V2__second.sql");
        assertThat(second.name().kind()).isEqualTo(Kind.VERSIONED);
        assertThat(second.origin()).isEqualTo("classpath:cairn-scripts/scanning/sub/V2__second.sql");
        assertThat(second.resource().getFilename()).isEqualTo("V2__second.sql");
        assertThat(scripts.get(2).name().kind()).isEqualTo(Kind.REPEATABLE);
    }

    @Test
    void attachesTheConfFileNextToAScript() {
        List<ScriptFile> scripts = this.scanner.scan(List.of("classpath:cairn-scripts/scanning"));
        assertThat(scripts.get(0).config()).isNotNull();
        assertThat(scripts.get(0).config().getFilename()).isEqualTo("V1__first.sql.conf");
        assertThat(scripts.get(1).config()).isNull();
    }

    @Test
    void readsALocationWithoutPrefixFromTheClasspath() {
        assertThat(this.scanner.scan(List.of("cairn-scripts/scanning", "classpath:/cairn-scripts/other/")))
            .extracting(ScriptFile::origin)
            .containsExactly("classpath:cairn-scripts/scanning/V1__first.sql",
                    "classpath:cairn-scripts/other/V4__other.sql",
                    "classpath:cairn-scripts/scanning/sub/V2__second.sql",
                    "classpath:cairn-scripts/scanning/sub/deeper/R__views.sql");
    }

    @Test
    void readsAResourceLoaderSuchAsTheApplicationContext() {
        ScriptScanner scanner = new ScriptScanner(new DefaultResourceLoader(getClass().getClassLoader()),
                ScriptNaming.defaults());
        assertThat(scanner.scan(List.of("classpath:cairn-scripts/other"))).extracting(ScriptFile::relativePath)
            .containsExactly("V4__other.sql");
    }

    @Test
    void warnsAboutNamesThatLookLikeScriptsAndSkipsThem(CapturedOutput output) {
        assertThat(this.scanner.scan(List.of("classpath:cairn-scripts/scanning"))).extracting(ScriptFile::fileName)
            .doesNotContain("V3_no_separator.sql", "README.md", "V1__first.sql.conf");
        assertThat(output).contains("WARN", "Skipping classpath:cairn-scripts/scanning/V3_no_separator.sql: it has no"
                + " '__' between the version and the description; it should look like V3__no_separator.sql")
            .doesNotContain("README.md");
    }

    @Test
    void findsScriptsInAFilesystemFolderSkippingHiddenFolders() throws IOException {
        write("V1__one.sql", "SELECT 1;");
        write("a/b/V2__two.sql", "SELECT 2;");
        write(".git/V3__hidden.sql", "SELECT 3;");
        write("..data/V4__config_map.sql", "SELECT 4;");
        write(".V5__hidden_file.sql", "SELECT 5;");
        List<ScriptFile> scripts = this.scanner.scan(List.of("filesystem:" + this.directory));
        assertThat(scripts).extracting(ScriptFile::relativePath).containsExactly("V1__one.sql", "a/b/V2__two.sql");
        assertThat(scripts.get(1).origin()).isEqualTo("filesystem:" + this.directory + "/a/b/V2__two.sql");
    }

    @Test
    void readsARelativeFilesystemLocationFromTheWorkingDirectory() throws IOException {
        write("V1__one.sql", "SELECT 1;");
        Path relative = Path.of("").toAbsolutePath().relativize(this.directory);
        assertThat(this.scanner.scan(List.of("filesystem:" + relative))).extracting(ScriptFile::relativePath)
            .containsExactly("V1__one.sql");
    }

    @Test
    void mergesSeveralLocationsInOrderOfTheirPaths() throws IOException {
        write("V0__zero.sql", "SELECT 0;");
        write("V5__five.sql", "SELECT 5;");
        assertThat(this.scanner.scan(List.of("classpath:cairn-scripts/other", "filesystem:" + this.directory)))
            .extracting(ScriptFile::relativePath)
            .containsExactly("V0__zero.sql", "V4__other.sql", "V5__five.sql");
    }

    @Test
    void warnsAboutAFilesystemLocationThatDoesNotExist(CapturedOutput output) {
        Path missing = this.directory.resolve("missing");
        assertThat(this.scanner.scan(List.of("filesystem:" + missing))).isEmpty();
        assertThat(output).contains("WARN", "Skipping script location filesystem:" + missing + ": " + missing
                + " does not exist");
    }

    @Test
    void saysNothingAboutAClasspathLocationThatDoesNotExist(CapturedOutput output) {
        assertThat(this.scanner.scan(List.of("classpath:cairn-scripts/missing"))).isEmpty();
        assertThat(output).doesNotContain("cairn-scripts/missing");
    }

    @Test
    void refusesLocationsItCannotRead() {
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> this.scanner.scan(List.of("s3:bucket/migrations")))
            .withMessageContaining("Unknown prefix in script location 's3:bucket/migrations'");
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> this.scanner.scan(List.of("classpath:db/**/migration")))
            .withMessageContaining("has a wildcard");
    }

    @Test
    void findsScriptsInsideJarsOnTheClassPath() throws IOException {
        Path first = jar("first.jar", "db/migration/V1__in_jar.sql", "CREATE TABLE in_jar (id INTEGER);\n",
                "db/migration/V1__in_jar.sql.conf", "executeInTransaction=false\n",
                "db/migration/sub/V2__a b#c é.sql", "SELECT 'é';\n",
                "db/migration/README.md", "not a script\n",
                "db/other/V9__elsewhere.sql", "SELECT 9;\n");
        Path second = jar("second.jar", "db/migration/V3__second_jar.sql", "SELECT 3;\n");
        try (URLClassLoader classLoader = new URLClassLoader(
                new URL[] { first.toUri().toURL(), second.toUri().toURL() }, null)) {
            List<ScriptFile> scripts = new ScriptScanner(classLoader, ScriptNaming.defaults())
                .scan(List.of("classpath:db/migration"));
            assertThat(scripts).extracting(ScriptFile::relativePath)
                .containsExactly("V1__in_jar.sql", "V3__second_jar.sql", "sub/V2__a b#c é.sql");
            assertThat(scripts).extracting(ScriptFile::fileName)
                .containsExactly("V1__in_jar.sql", "V3__second_jar.sql", "V2__a b#c é.sql");
            assertThat(scripts.get(2).name().description()).isEqualTo("a b#c é");
            assertThat(scripts).extracting((script) -> SqlScript.load(script).text())
                .containsExactly("CREATE TABLE in_jar (id INTEGER);\n", "SELECT 3;\n", "SELECT 'é';\n");
            assertThat(SqlScript.load(scripts.get(0)).executeInTransaction(true)).isFalse();
        }
    }

    private void write(String path, String text) throws IOException {
        Path file = this.directory.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** A jar as build tools write it, with an entry for each folder. */
    private Path jar(String name, String... pathsAndTexts) throws IOException {
        Path jar = this.directory.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Set<String> folders = new TreeSet<>();
            for (int i = 0; i < pathsAndTexts.length; i += 2) {
                String path = pathsAndTexts[i];
                for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                    folders.add(path.substring(0, slash + 1));
                }
            }
            for (String folder : folders) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            for (int i = 0; i < pathsAndTexts.length; i += 2) {
                out.putNextEntry(new JarEntry(pathsAndTexts[i]));
                out.write(pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

}
