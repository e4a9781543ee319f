package dev.cairn.core.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * classpath entry that has it ({@code classpath*:}), with one scan per location and classpath entry.
 */
public final class ScriptScanner {

    private static final Log logger = LogFactory.getLog(ScriptScanner.class);

    private static final String CONF = ".conf";

    private final ResourcePatternResolver resolver;

    private final ScriptNaming naming;

    /**
     * Creates a scanner that reads the classpath through a resource loader, such as the application context.
     * @param resourceLoader the resource loader
     * @param naming how scripts are named
     */
    public ScriptScanner(ResourceLoader resourceLoader, ScriptNaming naming) {
        this.resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
        this.naming = naming;
    }

    /**
     * Creates a scanner that reads the classpath through a class loader.
     * @param classLoader the class loader
     * @param naming how scripts are named
     */
    public ScriptScanner(ClassLoader classLoader, ScriptNaming naming) {
        this.resolver = new PathMatchingResourcePatternResolver(classLoader);
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
        scripts.sort(Comparator.comparing(ScriptFile::relativePath));
        return scripts;
    }

    private void scan(ScriptLocation location, List<ScriptFile> scripts) throws IOException {
        long start = System.nanoTime();
        int before = scripts.size();
        if (location.classpath()) {
            Resource[] roots = this.resolver.getResources(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX
                    + location.path());
            if (roots.length == 0) {
                logger.debug("No scripts in " + location + ": it is not on the classpath");
            }
            for (Resource root : roots) {
                scan(location, root, scripts);
            }
        }
        else {
            Path directory = Path.of(location.path()).toAbsolutePath().normalize();
            if (!Files.isDirectory(directory)) {
                logger.warn("Skipping script location " + location + ": " + directory
                        + (Files.exists(directory) ? " is not a directory" : " does not exist"));
                return;
            }
            scan(location, new FileSystemResource(directory), scripts);
        }
        if (logger.isDebugEnabled()) {
            logger.debug("Found " + (scripts.size() - before) + " scripts in " + location + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    private void scan(ScriptLocation location, Resource root, List<ScriptFile> scripts) throws IOException {
        String rootUrl = root.getURL().toString();
        if (!rootUrl.endsWith("/")) {
            rootUrl += "/";
        }
        Path rootPath = (root instanceof FileSystemResource) ? root.getFile().toPath() : null;
        Map<String, Resource> files = new HashMap<>();
        List<String> paths = new ArrayList<>();
        for (Resource resource : this.resolver.getResources(rootUrl + "**")) {
            String path = relativePath(rootUrl, rootPath, resource);
            if (path != null && (location.classpath() || !inHiddenFolder(path))) {
                files.put(path, resource);
                paths.add(path);
            }
        }
        for (String path : paths) {
            Resource resource = files.get(path);
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

    /**
     * The path of a file below the root with {@code /} separators, or {@code null} for folders.
     */
    private static @Nullable String relativePath(String rootUrl, @Nullable Path rootPath, Resource resource)
            throws IOException {
        if (rootPath != null && resource instanceof FileSystemResource file) {
            Path path = file.getFile().toPath();
            if (Files.isDirectory(path)) {
                return null;
            }
            if (!path.startsWith(rootPath)) {
                path = path.toRealPath();
                rootPath = rootPath.toRealPath();
            }
            String relative = rootPath.relativize(path).toString();
            return (path.getFileSystem().getSeparator().equals("/")) ? relative
                    : relative.replace(path.getFileSystem().getSeparator(), "/");
        }
        // A jar entry: Spring builds its URL from the root's, escaping only '#'
        String url = resource.getURL().toString();
        if (!url.startsWith(rootUrl) || url.endsWith("/")) {
            return null;
        }
        return url.substring(rootUrl.length()).replace("%23", "#");
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
