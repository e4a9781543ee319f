package dev.cairn.flyway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a database's catalog says about one schema, as sorted lines that two schemas built by different tools can be
 * compared by: tables, columns with their types, nullability and defaults, indexes, constraints, views, routines and
 * triggers. The schema's own name is written {@code <schema>}, and the history tables of Flyway and Cairn are left
 * out.
 */
final class SchemaCatalog {

    private static final Pattern HISTORY = Pattern.compile("flyway_schema_history|cairn_migrations");

    private final JdbcTemplate jdbc;

    private final @Nullable String schema;

    private final List<String> lines = new ArrayList<>();

    private SchemaCatalog(JdbcTemplate jdbc, @Nullable String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    static List<String> postgres(JdbcTemplate jdbc) {
        SchemaCatalog catalog = new SchemaCatalog(jdbc, jdbc.queryForObject("SELECT current_schema()", String.class));
        Object schema = catalog.schema;
        catalog.add("table", "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = ?",
                schema);
        catalog.add("column", "SELECT table_name, column_name, ordinal_position, data_type, character_maximum_length,"
                + " numeric_precision, numeric_scale, is_nullable, column_default FROM information_schema.columns"
                + " WHERE table_schema = ?", schema);
        catalog.add("index", "SELECT i.tablename, i.indexname, i.indexdef, x.indisvalid FROM pg_indexes i"
                + " JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = to_regnamespace(i.schemaname)"
                + " JOIN pg_index x ON x.indexrelid = c.oid WHERE i.schemaname = ?", schema);
        catalog.add("constraint", "SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid)"
                + " FROM pg_constraint WHERE connamespace = to_regnamespace(?)", schema);
        catalog.add("sequence", "SELECT sequence_name, data_type, start_value, increment FROM"
                + " information_schema.sequences WHERE sequence_schema = ?", schema);
        catalog.add("view", "SELECT table_name, view_definition FROM information_schema.views"
                + " WHERE table_schema = ?", schema);
        catalog.add("routine", "SELECT p.proname, p.prokind, pg_get_function_identity_arguments(p.oid),"
                + " pg_get_function_result(p.oid), l.lanname, p.provolatile, p.prosrc FROM pg_proc p"
                + " JOIN pg_language l ON l.oid = p.prolang WHERE p.pronamespace = to_regnamespace(?)", schema);
        catalog.add("trigger", "SELECT event_object_table, trigger_name, event_manipulation, action_timing,"
                + " action_orientation, action_statement FROM information_schema.triggers"
                + " WHERE trigger_schema = ?", schema);
        catalog.add("comment", "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c"
                + " WHERE c.relnamespace = to_regnamespace(?) AND obj_description(c.oid, 'pg_class') IS NOT NULL",
                schema);
        return catalog.sorted();
    }

    static List<String> mariadb(JdbcTemplate jdbc) {
        SchemaCatalog catalog = new SchemaCatalog(jdbc, jdbc.queryForObject("SELECT DATABASE()", String.class));
        Object schema = catalog.schema;
        catalog.add("table", "SELECT table_name, table_type, engine, table_comment FROM information_schema.tables"
                + " WHERE table_schema = ?", schema);
        catalog.add("column", "SELECT table_name, column_name, ordinal_position, column_type, is_nullable,"
                + " column_default, extra FROM information_schema.columns WHERE table_schema = ?", schema);
        catalog.add("index", "SELECT table_name, index_name, seq_in_index, column_name, non_unique, index_type"
                + " FROM information_schema.statistics WHERE table_schema = ?", schema);
        catalog.add("constraint", "SELECT table_name, constraint_name, constraint_type"
                + " FROM information_schema.table_constraints WHERE constraint_schema = ?", schema);
        catalog.add("foreign key", "SELECT table_name, constraint_name, referenced_table_name, update_rule,"
                + " delete_rule FROM information_schema.referential_constraints WHERE constraint_schema = ?", schema);
        catalog.add("check", "SELECT table_name, constraint_name, check_clause FROM information_schema.check_constraints"
                + " WHERE constraint_schema = ?", schema);
        catalog.add("view", "SELECT table_name, view_definition FROM information_schema.views WHERE table_schema = ?",
                schema);
        catalog.add("routine", "SELECT routine_name, routine_type, data_type, sql_data_access, is_deterministic,"
                + " routine_definition FROM information_schema.routines WHERE routine_schema = ?", schema);
        catalog.add("parameter", "SELECT specific_name, ordinal_position, parameter_mode, parameter_name,"
                + " dtd_identifier FROM information_schema.parameters WHERE specific_schema = ?", schema);
        catalog.add("trigger", "SELECT event_object_table, trigger_name, event_manipulation, action_timing,"
                + " action_statement FROM information_schema.triggers WHERE trigger_schema = ?", schema);
        return catalog.sorted();
    }

    static List<String> sqlite(JdbcTemplate jdbc) {
        SchemaCatalog catalog = new SchemaCatalog(jdbc, null);
        catalog.add("object", "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
        for (String table : jdbc.queryForList("SELECT name FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite_%'", String.class)) {
            if (!HISTORY.matcher(table).find()) {
                catalog.add("column " + table, "SELECT * FROM pragma_table_info(?)", table);
                catalog.add("index " + table, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)",
                        table);
                catalog.add("foreign key " + table, "SELECT \"table\", \"from\", \"to\", on_update, on_delete"
                        + " FROM pragma_foreign_key_list(?)", table);
            }
        }
        return catalog.sorted();
    }

    private void add(String kind, String sql, Object... arguments) {
        for (Map<String, Object> row : this.jdbc.queryForList(sql, arguments)) {
            String line = kind + ": " + row.values().stream().map(String::valueOf).collect(Collectors.joining(" | "));
            if (!HISTORY.matcher(line).find()) {
                this.lines.add((this.schema != null) ? line.replace(this.schema, "<schema>") : line);
            }
        }
    }

    private List<String> sorted() {
        return this.lines.stream().sorted().toList();
    }

}
