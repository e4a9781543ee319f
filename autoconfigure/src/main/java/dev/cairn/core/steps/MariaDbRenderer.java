package dev.cairn.core.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cairn.schema.AlterColumn;
import dev.cairn.schema.ColumnType;
import dev.cairn.schema.DropColumn;
import dev.cairn.schema.DropIndex;
import dev.cairn.schema.Index;
import dev.cairn.schema.Table;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Steps in MariaDB's and MySQL's SQL: {@code MODIFY COLUMN} with the column's whole definition, indexes on text
 * columns by a prefix, and {@code DROP INDEX ... ON}.
 */
final class MariaDbRenderer extends StandardRenderer {

    /** How many leading characters of a text or binary column an index holds; InnoDB cannot index whole ones. */
    private static final int PREFIX = 255;

    private final boolean mariaDb;

    MariaDbRenderer(String databaseName) {
        super(databaseName);
        this.mariaDb = databaseName.equals("MariaDB");
    }

    @Override
    String identity() {
        return "BIGINT AUTO_INCREMENT PRIMARY KEY";
    }

    @Override
    String type(ColumnType type) {
        return switch (type.kind()) {
            case TIMESTAMP -> "DATETIME(6)";
            case UUID -> "CHAR(36)";
            case BLOB -> "LONGBLOB";
            default -> super.type(type);
        };
    }

    @Override
    String createIndex(Table table, Index index) {
        return createIndex(index, (column) -> {
            var declared = table.column(column);
            return declared != null && needsPrefix(declared.type().kind().name());
        });
    }

    @Override
    String createIndex(Index index) {
        return createIndex(index, (column) -> false);
    }

    private String createIndex(Index index, java.util.function.Predicate<String> prefixed) {
        List<String> columns = index.columns().stream()
                .map((column) -> prefixed.test(column) ? column + "(" + PREFIX + ")" : column)
                .toList();
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + index.name() + " ON " + index.table() + " ("
                + String.join(", ", columns) + ")";
    }

    private static boolean needsPrefix(String kind) {
        String type = kind.toUpperCase(java.util.Locale.ROOT);
        return type.equals("TEXT") || type.endsWith("TEXT") || type.endsWith("BLOB") || type.equals("JSON");
    }

    @Override
    public List<String> render(dev.cairn.schema.Step step, JdbcTemplate jdbc) {
        if (step instanceof dev.cairn.schema.CreateIndex create) {
            Index index = create.index();
            return List.of(createIndex(index, (column) -> needsPrefix(dataType(jdbc, index.table(), column))));
        }
        return super.render(step, jdbc);
    }

    /**
     * Drops the column after the foreign keys on it, which MariaDB and MySQL do not drop with it.
     */
    @Override
    List<String> dropColumn(DropColumn drop, JdbcTemplate jdbc) {
        List<String> statements = new ArrayList<>();
        for (String key : jdbc.queryForList("SELECT CONSTRAINT_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE"
                + " TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ? AND REFERENCED_TABLE_NAME IS NOT"
                + " NULL", String.class, drop.table(), drop.column())) {
            statements.add("ALTER TABLE " + drop.table() + " DROP FOREIGN KEY " + key);
        }
        statements.addAll(super.dropColumn(drop, jdbc));
        return statements;
    }

    @Override
    String dropIndex(DropIndex drop) {
        return "DROP INDEX " + drop.name() + " ON " + drop.table();
    }

    @Override
    List<String> alterColumn(AlterColumn alter, JdbcTemplate jdbc) {
        Map<String, Object> current = column(jdbc, alter.table(), alter.column());
        String type = (alter.type() != null) ? type(alter.type()) : (String) current.get("COLUMN_TYPE");
        boolean nullable = (alter.nullability() != null) ? alter.nullability() : "YES".equals(current.get("IS_NULLABLE"));
        String defaultSql = alter.defaultDropped() ? null
                : (alter.defaultSql() != null) ? alter.defaultSql() : currentDefault(current);
        return List.of("ALTER TABLE " + alter.table() + " MODIFY COLUMN " + alter.column() + " " + type
                + (nullable ? " NULL" : " NOT NULL") + ((defaultSql != null) ? " DEFAULT " + defaultSql : ""));
    }

    /**
     * The column's default as SQL: MariaDB reports it as an SQL expression ({@code NULL} when there is none), MySQL
     * as the bare value, marking expressions in {@code EXTRA}.
     */
    private String currentDefault(Map<String, Object> column) {
        Object value = column.get("COLUMN_DEFAULT");
        if (value == null || (this.mariaDb && "NULL".equals(value))) {
            return null;
        }
        if (this.mariaDb) {
            return value.toString();
        }
        String extra = String.valueOf(column.get("EXTRA"));
        return extra.contains("DEFAULT_GENERATED") ? "(" + value + ")" : "'" + value.toString().replace("'", "''") + "'";
    }

    private static Map<String, Object> column(JdbcTemplate jdbc, String table, String column) {
        try {
            return jdbc.queryForMap("SELECT COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA FROM"
                    + " information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?",
                    table, column);
        }
        catch (EmptyResultDataAccessException ex) {
            throw new IllegalStateException("There is no column " + table + "." + column + " to alter");
        }
    }

    private static String dataType(JdbcTemplate jdbc, String table, String column) {
        List<String> types = jdbc.queryForList("SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE"
                + " TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?", String.class, table, column);
        return types.isEmpty() ? "" : types.get(0);
    }

}
