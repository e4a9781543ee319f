package dev.cairn.schema;

import java.util.stream.Collectors;

/**
 * A step written out in full, every column and option included, for checksums.
 */
final class StepText {

    private StepText() {
    }

    static String of(Step step) {
        if (step instanceof CreateTable create) {
            return "createTable(" + create.definition().name() + ": "
                    + create.definition().columns().stream().map(Column::toString).collect(Collectors.joining(", "))
                    + create.definition().indexes().stream().map((index) -> "; " + index).collect(Collectors.joining())
                    + ")";
        }
        if (step instanceof AddColumns add) {
            return "addColumns(" + add.table() + ": "
                    + add.columns().stream().map(Column::toString).collect(Collectors.joining(", ")) + ")";
        }
        if (step instanceof CreateIndex create) {
            return "createIndex(" + create.index() + ")";
        }
        if (step instanceof SqlStep sql) {
            return "sql(" + sql.statements() + ((sql.down() != null) ? " down " + sql.down() : "") + ")";
        }
        return step.toString();
    }

}
