package dev.cairn.steps;

import java.util.List;
import java.util.Map;

import dev.cairn.schema.AddColumns;
import dev.cairn.schema.DeclaredSchema;
import dev.cairn.schema.DropColumn;
import dev.cairn.schema.OnDelete;
import dev.cairn.schema.RenameColumn;
import dev.cairn.schema.SchemaMigration;
import dev.cairn.schema.SqlStep;
import dev.cairn.schema.Step;
import dev.cairn.schema.Steps;
import org.junit.jupiter.api.Test;

import static dev.cairn.schema.Steps.addColumns;
import static dev.cairn.schema.Steps.alterColumn;
import static dev.cairn.schema.Steps.column;
import static dev.cairn.schema.Steps.createIndex;
import static dev.cairn.schema.Steps.createTable;
import static dev.cairn.schema.Steps.dropColumn;
import static dev.cairn.schema.Steps.dropIndex;
import static dev.cairn.schema.Steps.dropTable;
import static dev.cairn.schema.Steps.renameColumn;
import static dev.cairn.schema.Steps.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The steps as data, before any database: what they say of themselves, their inverses, and the names they refuse.
 */
class StepsTests {

    private static final int CHECKSUM = -645631205;

    @Test
    void eachStepKnowsWhetherItOnlyAdds() {
        assertThat(createTable("t", column("id").bigint().primaryKey()).additive()).isTrue();
        assertThat(addColumns("t", column("note").text()).additive()).isTrue();
        assertThat(addColumns("t", column("owner").text().notNull()).additive()).as("refuses nulls, no default")
            .isFalse();
        assertThat(addColumns("t", column("rank").integer().notNull().defaultValue(0)).additive()).isTrue();
        assertThat(createIndex("t", "a", "b").additive()).isTrue();
        assertThat(dropIndex("t", "t_a_idx").additive()).isTrue();
        assertThat(renameColumn("t", "a", "b").additive()).isFalse();
        assertThat(alterColumn("t", "a").nullable().additive()).isTrue();
        assertThat(alterColumn("t", "a").notNull().additive()).isFalse();
        assertThat(alterColumn("t", "a").type(Steps.varchar(9)).additive()).isFalse();
        assertThat(dropColumn("t", "a").additive()).isFalse();
        assertThat(dropTable("t").additive()).isFalse();
        assertThat(Steps.sql("UPDATE t SET a = 1").additive()).isFalse();
    }

    @Test
    void inversesUndoAndDropsHaveNone() {
        assertThat(addColumns("t", column("a").text(), column("b").text()).inverse())
            .containsExactly(new DropColumn("t", "b"), new DropColumn("t", "a"));
        assertThat(renameColumn("t", "a", "b").inverse()).containsExactly(new RenameColumn("t", "b", "a"));
        assertThat(dropColumn("t", "a").inverse()).isNull();
        assertThat(dropTable("t").inverse()).isNull();
        assertThat(alterColumn("t", "a").notNull().inverse()).isNull();
        assertThat(Steps.sql("CREATE VIEW v AS SELECT 1").down("DROP VIEW v").inverse())
            .singleElement().isInstanceOf(SqlStep.class);
    }

    @Test
    void anSqlStepKeepsItsStatementsInOneOrderSoThatItsChecksumIsStable() {
        SqlStep step = Steps.sql(Map.of("SQLite", "B", "default", "C", "PostgreSQL", "A"));
        assertThat(step.statements().keySet()).containsExactly("default", "postgresql", "sqlite");
        assertThat(step.statementFor("MariaDB")).isEqualTo("C");
        assertThat(SchemaMigration.checksumOf(List.of(step)))
            .isEqualTo(SchemaMigration.checksumOf(List.of(Steps.sql(Map.of("postgresql", "A", "sqlite", "B",
                    "default", "C")))));
    }

    @Test
    void theChecksumFollowsEveryDetailOfTheSteps() {
        List<Step> steps = List.of(createTable("t", column("id").bigint().primaryKey(), column("a").varchar(10)));
        assertThat(SchemaMigration.checksumOf(steps)).isEqualTo(SchemaMigration.checksumOf(List.of(
                createTable("t", column("id").bigint().primaryKey(), column("a").varchar(10)))))
            .isNotEqualTo(SchemaMigration.checksumOf(List.of(
                    createTable("t", column("id").bigint().primaryKey(), column("a").varchar(11)))));
    }

    @Test
    void theChecksumIsTheSameInEveryJvm() {
        // Computed from the steps' parts with the hashes Java specifies: a change of this number changes the recorded
        // checksum of every applied schema migration, which then fails validation.
        assertThat(SchemaMigration.checksumOf(List.of(
                createTable("todos", column("id").bigint().primaryKey(), column("title").varchar(200).notNull(),
                        column("done").bool().defaultValue(false), column("owner").bigint().indexed()
                            .references("users", "id", OnDelete.CASCADE)),
                addColumns("todos", column("note").text()), createIndex("todos", "title"),
                renameColumn("todos", "note", "notes"))))
            .isEqualTo(CHECKSUM);
    }

    @Test
    void namesThatAreNotPlainIdentifiersAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> column("a; DROP TABLE users"))
            .withMessageContaining("The column name 'a; DROP TABLE users' is not a plain SQL identifier");
        assertThatIllegalArgumentException().isThrownBy(() -> table("1st", column("a").text()))
            .withMessageContaining("table name '1st'");
        assertThat(column("due_on$2").name()).isEqualTo("due_on$2");
    }

    @Test
    void aColumnWithoutATypeIsNamed() {
        assertThatIllegalStateException().isThrownBy(() -> new AddColumns("t", List.of(column("a"))))
            .withMessageContaining("Column a has no type: give it one, such as column(\"a\").text()");
    }

    @Test
    void aDeclaredSchemaRefusesATableTwiceAndAVersionBelowOne() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> DeclaredSchema.of(1, table("t", column("a").text()), table("T", column("a").text())))
            .withMessageContaining("has table T twice");
        assertThatIllegalArgumentException().isThrownBy(() -> DeclaredSchema.of(0, table("t", column("a").text())))
            .withMessageContaining("must be positive");
    }

}
