package dev.cairn.core.steps;

import dev.cairn.schema.AlterColumn;
import dev.cairn.schema.ColumnType;

/**
 * Steps in PostgreSQL's SQL: its own names for decimals, JSON and binary data, and type changes that convert the
 * column's values.
 */
final class PostgresRenderer extends StandardRenderer {

    PostgresRenderer() {
        super("PostgreSQL");
    }

    @Override
    String type(ColumnType type) {
        return switch (type.kind()) {
            case DECIMAL -> "NUMERIC(" + type.precision() + "," + type.scale() + ")";
            case JSON -> "JSONB";
            case BLOB -> "BYTEA";
            default -> super.type(type);
        };
    }

    @Override
    String changeType(String alterColumn, AlterColumn alter) {
        String type = type(alter.type());
        return alterColumn + " TYPE " + type + " USING " + alter.column() + "::" + type;
    }

}
