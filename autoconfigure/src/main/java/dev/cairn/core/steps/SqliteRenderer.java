package dev.cairn.core.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.cairn.schema.AddColumns;
import dev.cairn.schema.AddForeignKey;
import dev.cairn.schema.AlterColumn;
import dev.cairn.schema.Column;
import dev.cairn.schema.ColumnType;
import dev.cairn.schema.DropColumn;
import dev.cairn.schema.ForeignKey;
import dev.cairn.schema.Index;
import dev.cairn.schema.Step;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Steps in SQLite's SQL. What its {@code ALTER TABLE} cannot do (change a column, add a constraint, add a key or a
 * column that needs a value, drop a column that an index or constraint uses) runs as a {@link SqliteRebuild}.
 */
final class SqliteRenderer extends StandardRenderer {

    SqliteRenderer() {
        super("SQLite");
    }

    @Override
    public boolean mayRebuild(List<Step> steps) {
        return steps.stream().anyMatch(SqliteRenderer::mayRebuild);
    }

    private static boolean mayRebuild(Step step) {
        if (step instanceof AddColumns add) {
            return !add.columns().stream().allMatch(SqliteRenderer::addable);
        }
        return step instanceof AlterColumn || step instanceof AddForeignKey || step instanceof DropColumn;
    }

    @Override
    String identity() {
        return "INTEGER PRIMARY KEY AUTOINCREMENT";
    }

    @Override
    String type(ColumnType type) {
        return switch (type.kind()) {
            // text affinity, so that SQLite keeps the values as written (a UUID or JSON such as "12" stays text)
            case UUID, JSON -> "TEXT";
            default -> super.type(type);
        };
    }

    /** Whether SQLite's ADD COLUMN can add the column: no key, and a constant default where nulls are refused. */
    private static boolean addable(Column column) {
        return !column.isPrimaryKey() && !column.isUnique() && (column.isNullable() || column.defaultSql() != null)
                && (column.defaultSql() == null || constant(column.defaultSql()));
    }

    private static boolean constant(String defaultSql) {
        String sql = defaultSql.strip().toUpperCase(Locale.ROOT);
        return !sql.startsWith("(") && !sql.startsWith("CURRENT_");
    }

    @Override
    List<String> addColumns(AddColumns add, JdbcTemplate jdbc) {
        if (!add.columns().stream().allMatch(SqliteRenderer::addable)) {
            List<String> statements = new ArrayList<>(SqliteRebuild.rebuild(jdbc, add.table(), (shape) -> {
                for (Column column : add.columns()) {
                    shape.columns.put(column.name().toLowerCase(Locale.ROOT), new SqliteRebuild.ColumnShape(
                            column.name(), type(column.type()), !column.isNullable(), column.defaultSql()));
                    if (column.isPrimaryKey()) {
                        shape.primaryKey.add(column.name().toLowerCase(Locale.ROOT));
                    }
                    if (column.isUnique()) {
                        shape.uniques.add(List.of(column.name()));
                    }
                    if (column.reference() != null) {
                        ForeignKey key = foreignKey(add.table(), column);
                        shape.addForeignKey(key.columns(), foreignKeyClause(key));
                    }
                }
            }));
            statements.addAll(indexes(add));
            return statements;
        }
        List<String> statements = new ArrayList<>();
        for (Column column : add.columns()) {
            String definition = columnDefinition(column, false);
            if (column.reference() != null) {
                // SQLite takes a foreign key on a new column only as a column constraint
                ForeignKey key = foreignKey(add.table(), column);
                definition += " " + foreignKeyClause(key).replaceFirst("FOREIGN KEY \\([^)]*\\) ", "");
            }
            statements.add("ALTER TABLE " + add.table() + " ADD COLUMN " + definition);
        }
        statements.addAll(indexes(add));
        return statements;
    }

    private List<String> indexes(AddColumns add) {
        return add.columns().stream().filter(Column::isIndexed)
                .map((column) -> createIndex(new Index(Index.defaultName(add.table(), List.of(column.name())),
                        add.table(), List.of(column.name()), false)))
                .toList();
    }

    @Override
    List<String> alterColumn(AlterColumn alter, JdbcTemplate jdbc) {
        return SqliteRebuild.rebuild(jdbc, alter.table(), (shape) -> {
            SqliteRebuild.ColumnShape column = shape.columns.get(alter.column().toLowerCase(Locale.ROOT));
            if (column == null) {
                throw new IllegalStateException("table " + alter.table() + " has no column "
                        + alter.column());
            }
            if (alter.type() != null) {
                column.type = type(alter.type());
            }
            if (alter.nullability() != null) {
                column.notNull = !alter.nullability();
            }
            if (alter.defaultSql() != null || alter.defaultDropped()) {
                column.defaultSql = alter.defaultSql();
            }
        });
    }

    @Override
    List<String> addForeignKey(AddForeignKey add, JdbcTemplate jdbc) {
        return SqliteRebuild.rebuild(jdbc, add.table(),
                (shape) -> shape.addForeignKey(add.foreignKey().columns(), foreignKeyClause(add.foreignKey())));
    }

    @Override
    List<String> dropColumn(DropColumn drop, JdbcTemplate jdbc) {
        Integer uses = jdbc.queryForObject("SELECT (SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2"
                + " COLLATE NOCASE AND pk > 0) + (SELECT count(*) FROM pragma_foreign_key_list(?1) WHERE \"from\" = ?2"
                + " COLLATE NOCASE) + (SELECT count(*) FROM pragma_index_list(?1) AS i, pragma_index_info(i.name) AS c"
                + " WHERE c.name = ?2 COLLATE NOCASE)", Integer.class, drop.table(), drop.column());
        if (uses != null && uses == 0) {
            return super.dropColumn(drop, jdbc);
        }
        return SqliteRebuild.rebuild(jdbc, drop.table(), (shape) -> {
            if (!shape.columns.containsKey(drop.column().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException("table " + drop.table() + " has no column " + drop.column());
            }
            shape.dropColumn(drop.column());
        });
    }

}
