package dev.cairn.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import dev.cairn.benchmarks.contender.Workload;
import dev.cairn.benchmarks.contender.Workload.Form;

/**
 * The jars the SQL-script scenarios put on their children's classpath: {@code db/migration/V<i>__create_t_<i>.sql}
 * for i from 1 to N, each script the {@link Workload}'s three statements, written by the launcher the first time
 * a scenario with N scripts needs it.
 */
final class ScriptJars {

    private final Path directory;

    private final Map<Integer, Path> written = new HashMap<>();

    ScriptJars(Path directory) {
        this.directory = directory;
    }

    /**
     * What a child adds to its classpath: nothing for Java migrations, the jar of N scripts for SQL scripts.
     * @param form how the migrations are written
     * @param size how many migrations
     * @return the entries to add
     * @throws IOException when the jar cannot be written
     */
    List<Path> classpath(Form form, int size) throws IOException {
        if (form != Form.SQL) {
            return List.of();
        }
        Path jar = this.written.get(size);
        if (jar == null) {
            jar = write(size);
            this.written.put(size, jar);
        }
        return List.of(jar);
    }

    private Path write(int size) throws IOException {
        Files.createDirectories(this.directory);
        Path jar = this.directory.resolve("scripts-" + size + ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            // Folder entries, as Maven writes them: class loaders find a folder in a jar only by its entry.
            String path = "";
            for (String folder : Workload.SCRIPT_LOCATION.split("/")) {
                path += folder + "/";
                out.putNextEntry(new JarEntry(path));
                out.closeEntry();
            }
            for (int version = 1; version <= size; version++) {
                out.putNextEntry(new JarEntry(path + Workload.scriptName(version)));
                out.write(Workload.script(version).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

}
