package dev.cairn.schema;

import java.util.List;

/**
 * A step written out in full, every column and option included: the checksum of the declared schema and of the steps
 * that {@link StepHash} does not take apart. Plain loops rather than streams: starts compute checksums.
 */
final class StepText {

    private StepText() {
    }

    static String of(Step step) {
        if (step instanceof CreateTable create) {
            StringBuilder text = new StringBuilder("createTable(").append(create.definition().name()).append(": ");
            columns(text, create.definition().columns());
            for (Index index : create.definition().indexes()) {
                text.append("; ").append(index);
            }
            return text.append(')').toString();
        }
        if (step instanceof AddColumns add) {
            StringBuilder text = new StringBuilder("addColumns(").append(add.table()).append(": ");
            columns(text, add.columns());
            return text.append(')').toString();
        }
        if (step instanceof CreateIndex create) {
            return "createIndex(" + create.index() + ")";
        }
        if (step instanceof SqlStep sql) {
            return "sql(" + sql.statements() + ((sql.down() != null) ? " down " + sql.down() : "") + ")";
        }
        return step.toString();
    }

    private static void columns(StringBuilder text, List<Column> columns) {
        for (int i = 0; i < columns.size(); i++) {
            text.append((i > 0) ? ", " : "").append(columns.get(i));
        }
    }

}
