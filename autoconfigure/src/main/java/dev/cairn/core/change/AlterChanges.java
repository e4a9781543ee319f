package dev.cairn.core.change;

import java.util.List;
import java.util.Locale;

import dev.cairn.core.change.SqlChanges.Named;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterExpression.ColumnDataType;

/**
 * Classifies an {@code ALTER TABLE} by its worst clause: one that breaks makes the statement breaking, one that
 * cannot be told makes it unclassified.
 */
final class AlterChanges {

    private static final String NOT_NULL = "Give the column a DEFAULT, or keep it nullable and require the value in"
            + " the application; older instances do not write it.";

    private static final String TYPE = "Add a new column of the new type, fill it from the old one, and stop writing"
            + " the old one instead of changing it.";

    private AlterChanges() {
    }

    static Change classify(Alter alter, Named named) {
        List<AlterExpression> expressions = alter.getAlterExpressions();
        if (expressions == null || expressions.isEmpty()) {
            return Change.unclassified(named.what("is an ALTER TABLE Cairn does not classify"),
                    SqlChanges.UNREADABLE);
        }
        Change worst = null;
        for (AlterExpression expression : expressions) {
            Change change = classify(expression, named);
            if (worst == null || rank(change) > rank(worst)) {
                worst = change;
            }
        }
        return worst;
    }

    private static int rank(Change change) {
        return switch (change.kind()) {
            case ADDITIVE -> 0;
            case UNCLASSIFIED -> 1;
            case BREAKING -> 2;
        };
    }

    private static Change classify(AlterExpression expression, Named named) {
        String text = " " + expression.toString().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ") + " ";
        return switch (expression.getOperation()) {
            case ADD -> add(expression, text, named);
            case ALTER -> alter(expression, text, named);
            case MODIFY, CHANGE -> Change.breaking(named.what("redefines a column"), TYPE);
            case RENAME -> Change.breaking(named.what("renames a column"), SqlChanges.ADD_INSTEAD);
            case RENAME_TABLE -> Change.breaking(named.what("renames a table"), SqlChanges.ADD_INSTEAD);
            case RENAME_INDEX, RENAME_KEY, RENAME_CONSTRAINT ->
                Change.breaking(named.what("renames an index or constraint"), SqlChanges.KEEP);
            case DROP -> Change.breaking(named.what((expression.getColumnName() != null) ? "drops a column"
                    : "drops a constraint or index"), SqlChanges.KEEP);
            case DROP_PRIMARY_KEY, DROP_UNIQUE, DROP_FOREIGN_KEY ->
                Change.breaking(named.what("drops a constraint"), SqlChanges.KEEP);
            case COMMENT, COMMENT_WITH_EQUAL_SIGN -> Change.additive(named.what("adds a comment"));
            default -> Change.unclassified(named.what("is an ALTER TABLE Cairn does not classify"),
                    SqlChanges.UNREADABLE);
        };
    }

    private static Change add(AlterExpression expression, String text, Named named) {
        List<ColumnDataType> columns = expression.getColDataTypeList();
        if (columns != null && !columns.isEmpty()) {
            for (ColumnDataType column : columns) {
                if (requiredWithoutDefault(column)) {
                    return Change.breaking(named.what("adds a NOT NULL column without a default"), NOT_NULL);
                }
            }
            return Change.additive(named.what("adds a column"));
        }
        if (expression.getPkColumns() != null || expression.getFkColumns() != null || expression.getUk()
                || text.matches(".* (UNIQUE|PRIMARY KEY|FOREIGN KEY|REFERENCES|CHECK|CONSTRAINT|EXCLUDE) .*")) {
            return Change.breaking(named.what("adds a constraint"), SqlChanges.CONSTRAINT);
        }
        if (expression.getIndex() != null) {
            return Change.additive(named.what("adds an index"));
        }
        return Change.unclassified(named.what("is an ALTER TABLE Cairn does not classify"), SqlChanges.UNREADABLE);
    }

    private static boolean requiredWithoutDefault(ColumnDataType column) {
        String specs = " " + String.join(" ", (column.getColumnSpecs() != null) ? column.getColumnSpecs() : List.of())
            .toUpperCase(Locale.ROOT) + " ";
        String type = (column.getColDataType() != null) ? column.getColDataType().toString().toUpperCase(Locale.ROOT)
                : "";
        boolean required = specs.contains(" NOT NULL ") || specs.contains(" PRIMARY KEY ");
        boolean filled = specs.contains(" DEFAULT ") || specs.contains(" GENERATED ")
                || specs.contains(" AUTO_INCREMENT ") || specs.contains(" AUTOINCREMENT ")
                || specs.contains(" IDENTITY ") || type.endsWith("SERIAL");
        return required && !filled;
    }

    private static Change alter(AlterExpression expression, String text, Named named) {
        if (expression.getColumnSetDefaultList() != null) {
            return Change.additive(named.what("sets a column default"));
        }
        if (expression.getColumnDropDefaultList() != null) {
            return Change.breaking(named.what("drops a column default"), "Keep the default: older instances that"
                    + " do not write the column rely on it.");
        }
        if (expression.getColumnDropNotNullList() != null || text.contains(" DROP NOT NULL ")) {
            return Change.additive(named.what("makes a column nullable"));
        }
        if (text.contains(" SET NOT NULL ")) {
            return Change.breaking(named.what("makes a column NOT NULL"), NOT_NULL);
        }
        if (text.contains(" TYPE ")) {
            return Change.breaking(named.what("changes a column's type"), TYPE);
        }
        return Change.unclassified(named.what("is an ALTER TABLE Cairn does not classify"), SqlChanges.UNREADABLE);
    }

}
