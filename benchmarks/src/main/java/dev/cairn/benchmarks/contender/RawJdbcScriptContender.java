package dev.cairn.benchmarks.contender;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import javax.sql.DataSource;

/**
 * The floor for SQL scripts: what {@link RawJdbcContender} does, with the migrations read from the scripts in the
 * jar on the classpath. It lists the jar's {@code db/migration} entries, reads every script and takes the CRC-32
 * of its bytes, checks each applied script against its history row (checksum and description), and runs each
 * pending one, split on {@code ;}, in one transaction with its history row.
 */
final class RawJdbcScriptContender implements Contender {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

    private static final String INSERT_HISTORY = "INSERT INTO bench_history (version, description, type, checksum,"
            + " installed_on, installed_by, execution_time, success) VALUES (?, ?, 'SQL', ?, CURRENT_TIMESTAMP,"
            + " ?, ?, ?)";

    @Override
    public void migrate(DataSource dataSource) throws Exception {
        List<Script> scripts = scripts();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute(RawJdbcContender.CREATE_HISTORY);
            }
            Map<Long, Applied> applied = applied(connection);
            String user = connection.getMetaData().getUserName();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                    PreparedStatement insert = connection.prepareStatement(INSERT_HISTORY)) {
                for (Script script : scripts) {
                    Applied recorded = applied.get(script.version());
                    if (recorded != null) {
                        if (recorded.checksum() != script.checksum()
                                || !recorded.description().equals(script.description())) {
                            throw new IllegalStateException("Script " + script.version() + " changed since it was"
                                    + " applied");
                        }
                        continue;
                    }
                    long start = System.nanoTime();
                    for (String sql : new String(script.content(), StandardCharsets.UTF_8).split(";")) {
                        if (!sql.isBlank()) {
                            statement.execute(sql);
                        }
                    }
                    insert.setLong(1, script.version());
                    insert.setString(2, script.description());
                    insert.setInt(3, script.checksum());
                    insert.setString(4, (user != null) ? user : "bench");
                    insert.setInt(5, (int) ((System.nanoTime() - start) / 1_000_000));
                    insert.setBoolean(6, true);
                    insert.executeUpdate();
                    connection.commit();
                }
            }
            catch (SQLException | RuntimeException ex) {
                connection.rollback();
                throw ex;
            }
            finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Finds the scripts through the class loader, as the tools do, and reads each from its jar.
     */
    private static List<Script> scripts() throws IOException, URISyntaxException {
        List<Script> scripts = new ArrayList<>();
        Enumeration<URL> roots = RawJdbcScriptContender.class.getClassLoader()
            .getResources(Workload.SCRIPT_LOCATION);
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            URLConnection connection = root.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                throw new IllegalStateException("The benchmark's scripts are in a jar, not in " + root);
            }
            String prefix = jar.getEntryName() + "/";
            try (JarFile file = new JarFile(Path.of(jar.getJarFileURL().toURI()).toFile())) {
                for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements();) {
                    JarEntry entry = entries.nextElement();
                    Matcher name = entry.getName().startsWith(prefix)
                            ? NAME.matcher(entry.getName().substring(prefix.length())) : null;
                    if (name == null || !name.matches()) {
                        continue;
                    }
                    byte[] content;
                    try (InputStream in = file.getInputStream(entry)) {
                        content = in.readAllBytes();
                    }
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    scripts.add(new Script(Long.parseLong(name.group(1)), name.group(2).replace('_', ' '), content,
                            (int) crc.getValue()));
                }
            }
        }
        scripts.sort(Comparator.comparingLong(Script::version));
        return scripts;
    }

    private static Map<Long, Applied> applied(Connection connection) throws SQLException {
        Map<Long, Applied> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT version, description, checksum, success FROM bench_history ORDER BY version")) {
            while (rs.next()) {
                if (!rs.getBoolean(4)) {
                    throw new IllegalStateException("Script " + rs.getLong(1) + " failed earlier");
                }
                applied.put(rs.getLong(1), new Applied(rs.getString(2), rs.getInt(3)));
            }
        }
        return applied;
    }

    /**
     * A script as read from the jar.
     *
     * @param version the version in its name
     * @param description the rest of its name, underscores read as spaces
     * @param content its bytes
     * @param checksum the CRC-32 of its bytes
     */
    private record Script(long version, String description, byte[] content, int checksum) {

    }

    /**
     * A history row.
     *
     * @param description its description
     * @param checksum its checksum
     */
    private record Applied(String description, int checksum) {

    }

}
