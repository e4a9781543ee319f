package dev.cairn.core.steps;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.schema.AddColumns;
import dev.cairn.schema.AddForeignKey;
import dev.cairn.schema.AlterColumn;
import dev.cairn.schema.Column;
import dev.cairn.schema.ColumnType;
import dev.cairn.schema.CreateIndex;
import dev.cairn.schema.CreateTable;
import dev.cairn.schema.DropColumn;
import dev.cairn.schema.DropIndex;
import dev.cairn.schema.DropTable;
import dev.cairn.schema.ForeignKey;
import dev.cairn.schema.Index;
import dev.cairn.schema.RenameColumn;
import dev.cairn.schema.RenameTable;
import dev.cairn.schema.SqlStep;
import dev.cairn.schema.Step;
import dev.cairn.schema.Table;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Steps in standard SQL, which PostgreSQL, H2 and most databases speak; the other renderers change what their
 * database spells differently.
 */
class StandardRenderer implements StepRenderer {

    private final String databaseName;

    StandardRenderer(String databaseName) {
        this.databaseName = databaseName;
    }

    @Override
    public List<String> render(Step step, JdbcTemplate jdbc) {
        if (step instanceof CreateTable create) {
            return createTable(create.definition());
        }
        if (step instanceof AddColumns add) {
            return addColumns(add, jdbc);
        }
        if (step instanceof CreateIndex create) {
            return List.of(createIndex(create.index()));
        }
        if (step instanceof DropIndex drop) {
            return List.of(dropIndex(drop));
        }
        if (step instanceof RenameColumn rename) {
            return List.of(renameColumn(rename));
        }
        if (step instanceof RenameTable rename) {
            return List.of("ALTER TABLE " + rename.from() + " RENAME TO " + rename.to());
        }
        if (step instanceof AlterColumn alter) {
            return alterColumn(alter, jdbc);
        }
        if (step instanceof AddForeignKey add) {
            return addForeignKey(add, jdbc);
        }
        if (step instanceof DropColumn drop) {
            return dropColumn(drop, jdbc);
        }
        if (step instanceof DropTable drop) {
            return List.of("DROP TABLE " + drop.table());
        }
        return List.of(sql((SqlStep) step));
    }

    String type(ColumnType type) {
        return switch (type.kind()) {
            case TEXT -> "TEXT";
            case VARCHAR -> "VARCHAR(" + type.length() + ")";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            case DECIMAL -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case UUID -> "UUID";
            case JSON -> "JSON";
            case BLOB -> "BLOB";
        };
    }

    /**
     * A column as {@code CREATE TABLE} and {@code ADD COLUMN} declare it.
     * @param column the column
     * @param inlinePrimaryKey whether the column is the table's only primary key column
     * @return the definition
     */
    String columnDefinition(Column column, boolean inlinePrimaryKey) {
        StringBuilder sql = new StringBuilder(column.name()).append(' ').append(type(column.type()));
        if (inlinePrimaryKey) {
            sql.append(" PRIMARY KEY");
        }
        else if (!column.isNullable()) {
            sql.append(" NOT NULL");
        }
        if (column.defaultSql() != null) {
            sql.append(" DEFAULT ").append(defaultSql(column.type(), column.defaultSql()));
        }
        if (column.isUnique() && !inlinePrimaryKey) {
            sql.append(" UNIQUE");
        }
        return sql.toString();
    }

    String defaultSql(ColumnType type, String defaultSql) {
        return defaultSql;
    }

    List<String> createTable(Table table) {
        List<Column> keys = table.columns().stream().filter(Column::isPrimaryKey).toList();
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) {
            parts.add(columnDefinition(column, keys.size() == 1 && column.isPrimaryKey()));
        }
        if (keys.size() > 1) {
            parts.add("PRIMARY KEY (" + String.join(", ", keys.stream().map(Column::name).toList()) + ")");
        }
        for (Column column : table.columns()) {
            if (column.reference() != null) {
                parts.add(foreignKeyClause(foreignKey(table.name(), column)));
            }
        }
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE " + table.name() + " (" + String.join(", ", parts) + ")");
        for (Index index : table.allIndexes()) {
            statements.add(createIndex(table, index));
        }
        return statements;
    }

    /**
     * An index of a table being created, whose columns' types are known.
     * @param table the table
     * @param index the index
     * @return the statement
     */
    String createIndex(Table table, Index index) {
        return createIndex(index);
    }

    static ForeignKey foreignKey(String table, Column column) {
        var reference = column.reference();
        return new ForeignKey(table + "_" + column.name() + "_fk", List.of(column.name()), reference.table(),
                List.of(reference.column()), reference.onDelete());
    }

    String foreignKeyClause(ForeignKey key) {
        return "CONSTRAINT " + key.name() + " FOREIGN KEY (" + String.join(", ", key.columns()) + ") REFERENCES "
                + key.referencedTable() + " (" + String.join(", ", key.referencedColumns()) + ")"
                + switch (key.onDelete()) {
                    case NO_ACTION -> "";
                    default -> " ON DELETE " + key.onDelete().sql();
                };
    }

    List<String> addColumns(AddColumns add, JdbcTemplate jdbc) {
        List<String> statements = new ArrayList<>();
        for (Column column : add.columns()) {
            statements.add("ALTER TABLE " + add.table() + " ADD COLUMN " + columnDefinition(column, column.isPrimaryKey()));
            if (column.reference() != null) {
                statements.add("ALTER TABLE " + add.table() + " ADD " + foreignKeyClause(foreignKey(add.table(), column)));
            }
            if (column.isIndexed()) {
                statements.add(createIndex(new Index(Index.defaultName(add.table(), List.of(column.name())),
                        add.table(), List.of(column.name()), false)));
            }
        }
        return statements;
    }

    String createIndex(Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + index.name() + " ON " + index.table() + " ("
                + String.join(", ", index.columns()) + ")";
    }

    String dropIndex(DropIndex drop) {
        return "DROP INDEX " + drop.name();
    }

    String renameColumn(RenameColumn rename) {
        return "ALTER TABLE " + rename.table() + " RENAME COLUMN " + rename.from() + " TO " + rename.to();
    }

    List<String> alterColumn(AlterColumn alter, JdbcTemplate jdbc) {
        String column = "ALTER TABLE " + alter.table() + " ALTER COLUMN " + alter.column();
        List<String> statements = new ArrayList<>();
        if (alter.type() != null) {
            statements.add(changeType(column, alter));
        }
        if (alter.nullability() != null) {
            statements.add(column + (alter.nullability() ? " DROP NOT NULL" : " SET NOT NULL"));
        }
        if (alter.defaultSql() != null) {
            statements.add(column + " SET DEFAULT " + alter.defaultSql());
        }
        else if (alter.defaultDropped()) {
            statements.add(column + " DROP DEFAULT");
        }
        return statements;
    }

    String changeType(String alterColumn, AlterColumn alter) {
        return alterColumn + " SET DATA TYPE " + type(alter.type());
    }

    List<String> addForeignKey(AddForeignKey add, JdbcTemplate jdbc) {
        return List.of("ALTER TABLE " + add.table() + " ADD " + foreignKeyClause(add.foreignKey()));
    }

    List<String> dropColumn(DropColumn drop, JdbcTemplate jdbc) {
        return List.of("ALTER TABLE " + drop.table() + " DROP COLUMN " + drop.column());
    }

    String sql(SqlStep step) {
        String sql = step.statementFor(this.databaseName);
        if (sql == null) {
            throw new IllegalStateException("it has no statement for " + this.databaseName + ": add one keyed '"
                    + this.databaseName.toLowerCase(java.util.Locale.ROOT) + "' or '" + SqlStep.DEFAULT + "'");
        }
        return sql;
    }

}
