package dev.cairn.core.sql;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.cairn.MigrationException;
import dev.cairn.core.sql.ScriptName.Kind;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Finds the scripts below Flyway-style locations, in folders and inside jars, each classpath location in every
 * classpath entry that has it (as {@code classpath*:} does), with one pass over each folder or jar. Folders and jars
 * (also jars nested in a Spring Boot jar) are read directly, which costs a start with 1000 scripts a few milliseconds
 * rather than the tens that Spring's pattern resolver takes; other kinds of URL go through that resolver.
 */
public final class ScriptScanner {

    private static final Log logger = LogFactory.getLog(ScriptScanner.class);

    private static final String CONF = ".conf";

    // A class rather than a lambda: a start links no call site it need not.
    private static final Comparator<ScriptFile> BY_PATH = new Comparator<>() {
        @Override
        public int compare(ScriptFile a, ScriptFile b) {
            return a.relativePath().compareTo(b.relativePath());
        }
    };

    private final ClassLoader classLoader;

    private final @Nullable ResourceLoader resourceLoader;

    private @Nullable ResourcePatternResolver resolver;

    private final ScriptNaming naming;

    /**
     * Creates a scanner that reads the classpath through a resource loader, such as the application context.
     * @param resourceLoader the resource loader
     * @param naming how scripts are named
     */
    public ScriptScanner(ResourceLoader resourceLoader, ScriptNaming naming) {
        ClassLoader classLoader = resourceLoader.getClassLoader();
        this.classLoader = (classLoader != null) ? classLoader : ScriptScanner.class.getClassLoader();
        this.resourceLoader = resourceLoader;
        this.naming = naming;
    }

    /**
     * Creates a scanner that reads the classpath through a class loader.
     * @param classLoader the class loader
     * @param naming how scripts are named
     */
    public ScriptScanner(ClassLoader classLoader, ScriptNaming naming) {
        this.classLoader = classLoader;
        this.resourceLoader = null;
        this.naming = naming;
    }

    /**
     * Finds every script below the locations. Files whose names look like scripts but are not valid script names
     * are skipped with a warning; a filesystem location that does not exist is skipped with a warning, a classpath
     * location that does not exist silently.
     * @param locations the locations as configured, such as {@code classpath:db/migration}
     * @return the versioned, undo, repeatable and callback scripts, sorted by their paths below their locations
     * @throws MigrationException when a location is not valid or cannot be read
     */
    public List<ScriptFile> scan(List<String> locations) {
        List<ScriptFile> scripts = new ArrayList<>();
        for (String descriptor : locations) {
            ScriptLocation location = ScriptLocation.parse(descriptor);
            try {
                scan(location, scripts);
            }
            catch (IOException ex) {
                throw new MigrationException("Could not read the scripts in " + location + ": " + ex.getMessage(),
                        "Check that " + location + " can be read, or remove it from cairn.locations.", ex);
            }
        }
        // Stable: scripts of the same path keep the order of the locations and of the classpath
        scripts.sort(BY_PATH);
        return scripts;
    }

    private void scan(ScriptLocation location, List<ScriptFile> scripts) throws IOException {
        long start = System.nanoTime();
        int before = scripts.size();
        if (location.classpath()) {
            List<URL> roots = Collections.list(this.classLoader.getResources(location.path()));
            if (roots.isEmpty()) {
                logger.debug("No scripts in " + location + ": it is not on the classpath");
            }
            for (URL root : roots) {
                add(location, list(root), scripts);
            }
        }
        else {
            Path directory = Path.of(location.path()).toAbsolutePath().normalize();
            if (!Files.isDirectory(directory)) {
                logger.warn("Skipping script location " + location + ": " + directory
                        + (Files.exists(directory) ? " is not a directory" : " does not exist"));
                return;
            }
            add(location, list(directory, true), scripts);
        }
        if (logger.isDebugEnabled()) {
            logger.debug("Found " + (scripts.size() - before) + " scripts in " + location + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    /**
     * The files below a classpath root by their paths below it: read straight from a folder or a jar (also a jar
     * nested in a Spring Boot jar), or through Spring's resolver for other kinds of URL.
     */
    private Map<String, Resource> list(URL root) throws IOException {
        if ("file".equals(root.getProtocol())) {
            try {
                return list(Path.of(root.toURI()), false);
            }
            catch (URISyntaxException | IllegalArgumentException ex) {
                return listWithResolver(root);
            }
        }
        if (root.openConnection() instanceof JarURLConnection connection) {
            JarFile jar = connection.getJarFile();
            String prefix = connection.getEntryName();
            prefix = (prefix == null || prefix.isEmpty()) ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
            String rootUrl = root.toString().endsWith("/") ? root.toString() : root + "/";
            Map<String, Resource> files = new LinkedHashMap<>();
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith(prefix) && name.length() > prefix.length()) {
                    String path = name.substring(prefix.length());
                    files.put(path, new JarEntryResource(jar, entry, rootUrl + path));
                }
            }
            return files;
        }
        return listWithResolver(root);
    }

    private Map<String, Resource> list(Path directory, boolean skipHidden) throws IOException {
        Map<String, Resource> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(directory, FileVisitOption.FOLLOW_LINKS)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(file)) {
                    String path = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(),
                            "/");
                    if (!skipHidden || !inHiddenFolder(path)) {
                        files.put(path, new FileSystemResource(file));
                    }
                }
            }
        }
        return files;
    }

    private Map<String, Resource> listWithResolver(URL root) throws IOException {
        ResourcePatternResolver resolver = this.resolver;
        if (resolver == null) {
            resolver = (this.resourceLoader != null) ? ResourcePatternUtils.getResourcePatternResolver(this.resourceLoader)
                    : new PathMatchingResourcePatternResolver(this.classLoader);
            this.resolver = resolver;
        }
        String rootUrl = root.toString().endsWith("/") ? root.toString() : root + "/";
        Map<String, Resource> files = new LinkedHashMap<>();
        for (Resource resource : resolver.getResources(rootUrl + "**")) {
            String url = resource.getURL().toString();
            if (url.startsWith(rootUrl) && !url.endsWith("/")) {
                files.put(url.substring(rootUrl.length()).replace("%23", "#"), resource);
            }
        }
        return files;
    }

    private void add(ScriptLocation location, Map<String, Resource> files, List<ScriptFile> scripts) {
        for (Map.Entry<String, Resource> file : files.entrySet()) {
            String path = file.getKey();
            Resource resource = file.getValue();
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            ScriptName name = this.naming.parse(fileName);
            if (name.kind() == Kind.SUSPICIOUS) {
                logger.warn("Skipping " + location.originOf(path) + ": " + name.problem());
            }
            else if (name.kind() != Kind.NOT_A_MIGRATION) {
                scripts.add(new ScriptFile(location, path, resource, name, files.get(path + CONF)));
            }
            else if (isOrphanConfig(path, files)) {
                logger.warn("Ignoring " + location.originOf(path) + ": there is no script of that name next to it");
            }
        }
    }

    private boolean isOrphanConfig(String path, Map<String, Resource> files) {
        if (!path.endsWith(CONF)) {
            return false;
        }
        String script = path.substring(0, path.length() - CONF.length());
        return !files.containsKey(script)
                && this.naming.parse(script.substring(script.lastIndexOf('/') + 1)).kind() != Kind.NOT_A_MIGRATION;
    }

    /** Flyway skips hidden folders on the filesystem, such as the ..data folders of a Kubernetes ConfigMap. */
    private static boolean inHiddenFolder(String path) {
        int folderStart = 0;
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', folderStart)) {
            if (path.charAt(folderStart) == '.') {
                return true;
            }
            folderStart = slash + 1;
        }
        return false;
    }

}
