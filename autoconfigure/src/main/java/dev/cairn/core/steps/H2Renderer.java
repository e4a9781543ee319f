package dev.cairn.core.steps;

import dev.cairn.schema.ColumnType;
import dev.cairn.schema.RenameColumn;

/**
 * Steps in H2's SQL: text as an unbounded {@code VARCHAR}, which H2 can index, unlike its {@code CLOB}.
 */
final class H2Renderer extends StandardRenderer {

    H2Renderer() {
        super("H2");
    }

    @Override
    String type(ColumnType type) {
        return switch (type.kind()) {
            case TEXT -> "VARCHAR";
            case DECIMAL -> "NUMERIC(" + type.precision() + "," + type.scale() + ")";
            case BLOB -> "VARBINARY";
            default -> super.type(type);
        };
    }

    @Override
    String renameColumn(RenameColumn rename) {
        return "ALTER TABLE " + rename.table() + " ALTER COLUMN " + rename.from() + " RENAME TO " + rename.to();
    }

}
