package dev.cairn.core;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.cairn.MigrationException;
import org.jspecify.annotations.Nullable;

/**
 * Drops every table and view of the migrated schema, the history among them, so that the migrations build it again:
 * the development-only reset of {@code cairn.reset-on-incompatible}. The lock Cairn holds while it runs is kept.
 */
public final class SchemaReset {

    private SchemaReset() {
    }

    /**
     * Whether the database may be reset: SQLite and H2, which hold development data, or one whose URL the user named.
     * @param database the database
     * @param allowedUrl the URL named in {@code cairn.reset-on-incompatible-url}, or {@code null}
     * @return the URL, when the reset is allowed
     * @throws MigrationException naming the URL to set, when it is not
     */
    public static String allowed(Database database, @Nullable String allowedUrl) {
        String url;
        try (Connection connection = database.dataSource().getConnection()) {
            url = connection.getMetaData().getURL();
        }
        catch (SQLException ex) {
            throw new MigrationException("Could not read the database's URL: " + ex.getMessage(), "Check the data source.");
        }
        String name = database.dialect().name();
        if (name.equals("SQLite") || name.equals("H2") || (allowedUrl != null && allowedUrl.equals(url))) {
            return url;
        }
        throw new MigrationException("cairn.reset-on-incompatible=true would drop every table of " + name + " database "
                + url + ", which is refused for any database but SQLite and H2; nothing was changed",
                "Reset only development databases. To reset this one all the same, set cairn.reset-on-incompatible-url="
                        + url + ".");
    }

    /**
     * Drops every table and view of the schema but the lock's.
     * @param database the database
     * @param kept the tables kept, lower case
     * @return the names of what was dropped
     * @throws SQLException when a drop fails
     */
    public static List<String> dropAll(Database database, List<String> kept) throws SQLException {
        List<String> dropped = new ArrayList<>();
        String name = database.dialect().name();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                foreignKeys(statement, name, false);
                List<String[]> objects = objects(connection, database);
                for (String[] object : objects) {
                    if (object[0].equals("VIEW")) {
                        statement.execute("DROP VIEW " + object[1] + (cascades(name) ? " CASCADE" : ""));
                        dropped.add(object[1]);
                    }
                }
                for (String[] object : objects) {
                    if (object[0].equals("TABLE") && !kept.contains(object[2].toLowerCase(Locale.ROOT))) {
                        statement.execute("DROP TABLE " + object[1] + (cascades(name) ? " CASCADE" : ""));
                        dropped.add(object[1]);
                    }
                }
            }
            finally {
                foreignKeys(statement, name, true);
                connection.setAutoCommit(autoCommit);
            }
        }
        return dropped;
    }

    private static boolean cascades(String databaseName) {
        return databaseName.equals("PostgreSQL") || databaseName.equals("H2");
    }

    private static void foreignKeys(Statement statement, String databaseName, boolean on) throws SQLException {
        if (databaseName.equals("SQLite")) {
            statement.execute("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
        }
        else if (databaseName.equals("MariaDB") || databaseName.equals("MySQL")) {
            statement.execute("SET FOREIGN_KEY_CHECKS = " + (on ? 1 : 0));
        }
    }

    private static List<String[]> objects(Connection connection, Database database) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = (database.settings().schema() != null) ? database.settings().schema() : connection.getSchema();
        String catalog = connection.getCatalog();
        if (database.dialect().schemaIsCatalog() && database.settings().schema() != null) {
            catalog = database.settings().schema();
            schema = null;
        }
        List<String[]> objects = new ArrayList<>();
        // H2 2 reports its tables as BASE TABLE
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] { "TABLE", "BASE TABLE", "VIEW" })) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                String type = rs.getString("TABLE_TYPE").equals("VIEW") ? "VIEW" : "TABLE";
                if (!table.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                    String qualified = (database.settings().schema() != null)
                            ? database.settings().schema() + "." + table : table;
                    objects.add(new String[] { type, quoted(qualified, table), table });
                }
            }
        }
        return objects;
    }

    private static String quoted(String qualified, String table) {
        // names as the catalog stores them, quoted only where plain SQL would fold their case differently
        return table.chars().allMatch((c) -> Character.isLetterOrDigit(c) || c == '_') ? qualified
                : qualified.replace(table, "\"" + table.replace("\"", "\"\"") + "\"");
    }

}
