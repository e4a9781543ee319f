package dev.cairn.core.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SQLite's documented way to make a change its {@code ALTER TABLE} cannot (https://sqlite.org/lang_altertable.html,
 * "making other kinds of table schema changes"): create the new table, copy the rows, drop the old table, rename the
 * new one, recreate the indexes and triggers, and check the foreign keys, all in the migration's transaction. The
 * migration runs with foreign keys off (they cannot be switched inside a transaction) so that dropping the old table
 * cascades nowhere; the rename runs in legacy mode so that it neither rewrites nor checks the views and triggers that
 * name the table, which stay as they are.
 */
final class SqliteRebuild {

    /** Statements starting so are checks, run as queries that must return no row. */
    static final String FOREIGN_KEY_CHECK = "PRAGMA foreign_key_check";

    private static final Pattern UNSUPPORTED = Pattern.compile(
            "\\bCHECK\\s*\\(|\\bCOLLATE\\b|\\bGENERATED\\b|\\bWITHOUT\\s+ROWID\\b|\\)\\s*STRICT\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern AUTOINCREMENT = Pattern.compile("\\bAUTOINCREMENT\\b", Pattern.CASE_INSENSITIVE);

    private SqliteRebuild() {
    }

    /**
     * The statements that rebuild a table with a change to its shape.
     * @param jdbc the migration's connection, read only
     * @param table the table
     * @param change what changes
     * @return the statements
     */
    static List<String> rebuild(JdbcTemplate jdbc, String table, Consumer<Shape> change) {
        Integer enforced = jdbc.queryForObject("PRAGMA foreign_keys", Integer.class);
        if (enforced != null && enforced == 1) {
            // Dropping the old table would cascade into the tables that refer to it.
            throw new IllegalStateException("it needs SQLite's table rebuild, which runs only with foreign keys off,"
                    + " and only a SchemaMigration switches them off around its transaction: write this step in a"
                    + " SchemaMigration rather than apply it from Java code");
        }
        List<String> sql = jdbc.queryForList("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?"
                + " COLLATE NOCASE", String.class, table);
        if (sql.isEmpty()) {
            throw new IllegalStateException("there is no table " + table);
        }
        var unsupported = UNSUPPORTED.matcher(sql.get(0));
        if (unsupported.find()) {
            throw new IllegalStateException("it needs SQLite's table rebuild, which cannot carry over the '"
                    + unsupported.group().strip() + "' of table " + table + " as it was created: write this change"
                    + " as an sql(...) step that rebuilds the table itself");
        }
        Shape shape = Shape.read(jdbc, table, AUTOINCREMENT.matcher(sql.get(0)).find());
        List<String> before = List.copyOf(shape.columns.keySet());
        change.accept(shape);
        List<String> kept = before.stream().filter(shape.columns::containsKey).toList();
        String copy = table + "__cairn_new";
        List<String> statements = new ArrayList<>();
        statements.add(shape.createTable(copy));
        statements.add("INSERT INTO " + copy + " (" + String.join(", ", kept) + ") SELECT " + String.join(", ", kept)
                + " FROM " + table);
        statements.add("DROP TABLE " + table);
        statements.add("PRAGMA legacy_alter_table = ON");
        statements.add("ALTER TABLE " + copy + " RENAME TO " + table);
        statements.add("PRAGMA legacy_alter_table = OFF");
        for (Map<String, Object> object : jdbc.queryForList("SELECT type, name, sql FROM sqlite_master WHERE"
                + " type IN ('index', 'trigger') AND tbl_name = ? COLLATE NOCASE AND sql IS NOT NULL ORDER BY type",
                table)) {
            String name = (String) object.get("name");
            if ("trigger".equals(object.get("type")) || shape.columns.keySet().containsAll(indexColumns(jdbc, name))) {
                statements.add((String) object.get("sql"));
            }
        }
        statements.add(FOREIGN_KEY_CHECK + "(" + table + ")");
        return statements;
    }

    private static List<String> indexColumns(JdbcTemplate jdbc, String index) {
        return jdbc.queryForList("SELECT name FROM pragma_index_info(?)", String.class, index).stream()
                .map((column) -> (column != null) ? column.toLowerCase(Locale.ROOT) : "")
                .toList();
    }

    /**
     * A table's columns and constraints as SQLite reports them, changed by a step and written out again.
     */
    static final class Shape {

        final Map<String, ColumnShape> columns = new LinkedHashMap<>();

        final List<String> primaryKey = new ArrayList<>();

        final List<List<String>> uniques = new ArrayList<>();

        final List<String> foreignKeys = new ArrayList<>();

        final List<List<String>> foreignKeyColumns = new ArrayList<>();

        private final boolean autoincrement;

        private Shape(boolean autoincrement) {
            this.autoincrement = autoincrement;
        }

        static Shape read(JdbcTemplate jdbc, String table, boolean autoincrement) {
            Shape shape = new Shape(autoincrement);
            Map<Integer, String> keys = new java.util.TreeMap<>();
            jdbc.query("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)", (rs) -> {
                String name = rs.getString(1);
                shape.columns.put(name.toLowerCase(Locale.ROOT),
                        new ColumnShape(name, rs.getString(2), rs.getBoolean(3), rs.getString(4)));
                if (rs.getInt(5) > 0) {
                    keys.put(rs.getInt(5), name.toLowerCase(Locale.ROOT));
                }
            }, table);
            shape.primaryKey.addAll(keys.values());
            jdbc.query("SELECT name FROM pragma_index_list(?) WHERE origin = 'u'", (rs) -> {
                shape.uniques.add(indexColumns(jdbc, rs.getString(1)));
            }, table);
            Map<Integer, List<String[]>> references = new LinkedHashMap<>();
            jdbc.query("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?)"
                    + " ORDER BY id, seq", (rs) -> {
                        references.computeIfAbsent(rs.getInt(1), (id) -> new ArrayList<>()).add(new String[] {
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6) });
                    }, table);
            for (List<String[]> key : references.values()) {
                List<String> from = key.stream().map((part) -> part[1]).toList();
                String to = key.stream().map((part) -> (part[2] != null) ? part[2] : "").reduce((a, b) -> a + ", " + b)
                        .orElse("");
                String[] first = key.get(0);
                shape.addForeignKey(from, "FOREIGN KEY (" + String.join(", ", from) + ") REFERENCES " + first[0]
                        + (to.isBlank() ? "" : " (" + to + ")") + action("UPDATE", first[3]) + action("DELETE", first[4]));
            }
            return shape;
        }

        private static String action(String event, @Nullable String action) {
            return (action == null || action.equals("NO ACTION")) ? "" : " ON " + event + " " + action;
        }

        void addForeignKey(List<String> columns, String clause) {
            this.foreignKeyColumns.add(columns.stream().map((column) -> column.toLowerCase(Locale.ROOT)).toList());
            this.foreignKeys.add(clause);
        }

        /**
         * Removes a column and the constraints on it.
         * @param column the column
         */
        void dropColumn(String column) {
            String name = column.toLowerCase(Locale.ROOT);
            this.columns.remove(name);
            this.primaryKey.remove(name);
            this.uniques.removeIf((unique) -> unique.contains(name));
            for (int i = this.foreignKeyColumns.size() - 1; i >= 0; i--) {
                if (this.foreignKeyColumns.get(i).contains(name)) {
                    this.foreignKeyColumns.remove(i);
                    this.foreignKeys.remove(i);
                }
            }
        }

        String createTable(String name) {
            List<String> parts = new ArrayList<>();
            boolean inlineKey = this.primaryKey.size() == 1;
            for (Map.Entry<String, ColumnShape> column : this.columns.entrySet()) {
                String definition = column.getValue().definition();
                if (inlineKey && column.getKey().equals(this.primaryKey.get(0))) {
                    definition += " PRIMARY KEY" + (this.autoincrement ? " AUTOINCREMENT" : "");
                }
                parts.add(definition);
            }
            if (this.primaryKey.size() > 1) {
                parts.add("PRIMARY KEY (" + String.join(", ", this.primaryKey) + ")");
            }
            this.uniques.forEach((unique) -> parts.add("UNIQUE (" + String.join(", ", unique) + ")"));
            parts.addAll(this.foreignKeys);
            return "CREATE TABLE " + name + " (" + String.join(", ", parts) + ")";
        }

    }

    /**
     * A column of a table being rebuilt.
     */
    static final class ColumnShape {

        final String name;

        String type;

        boolean notNull;

        @Nullable String defaultSql;

        ColumnShape(String name, String type, boolean notNull, @Nullable String defaultSql) {
            this.name = name;
            this.type = type;
            this.notNull = notNull;
            this.defaultSql = defaultSql;
        }

        String definition() {
            return this.name + (this.type.isEmpty() ? "" : " " + this.type) + (this.notNull ? " NOT NULL" : "")
                    + ((this.defaultSql != null) ? " DEFAULT " + this.defaultSql : "");
        }

    }

}
