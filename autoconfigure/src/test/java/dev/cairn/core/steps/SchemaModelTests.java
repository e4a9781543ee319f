package dev.cairn.core.steps;

import java.util.List;

import dev.cairn.schema.DeclaredSchema;
import dev.cairn.schema.Step;
import org.junit.jupiter.api.Test;

import static dev.cairn.schema.Steps.addColumns;
import static dev.cairn.schema.Steps.column;
import static dev.cairn.schema.Steps.createIndex;
import static dev.cairn.schema.Steps.createTable;
import static dev.cairn.schema.Steps.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick check a start makes, {@link SchemaModel#matches(DeclaredSchema)}, against the comparison that names each
 * difference: they must agree on every pair, or a start would let a difference through.
 */
class SchemaModelTests {

    private static final List<Step> TODOS = List.of(
            createTable("todos", column("id").bigint().primaryKey(), column("title").varchar(200).notNull(),
                    column("owner").bigint().indexed()),
            addColumns("todos", column("note").text()), createIndex("todos", "title"));

    @Test
    void whatTheMigrationsBuildMatchesItsDeclaration() {
        assertAgree(TODOS, DeclaredSchema.of(3, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(200).notNull(), column("owner").bigint().indexed(), column("note").text())
            .index("title")), true);
    }

    @Test
    void columnsMatchWhateverTheCaseOfTheirNamesAndInAnyOrder() {
        assertAgree(TODOS, DeclaredSchema.of(3, table("todos", column("note").text(),
                column("TITLE").varchar(200).notNull(), column("id").bigint().primaryKey(),
                column("owner").bigint().indexed()).index("title")), true);
    }

    @Test
    void everyDifferenceFailsTheQuickCheckAsTheComparisonNamesIt() {
        assertAgree(TODOS, DeclaredSchema.of(3, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(201).notNull(), column("owner").bigint().indexed(), column("note").text())
            .index("title")), false);
        assertAgree(TODOS, DeclaredSchema.of(3, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(200), column("owner").bigint().indexed(), column("note").text())
            .index("title")), false);
        assertAgree(TODOS, DeclaredSchema.of(3, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(200).notNull(), column("owner").bigint().indexed(),
                column("note").text().defaultValue("-")).index("title")), false);
        assertAgree(TODOS, DeclaredSchema.of(3, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(200).notNull(), column("owner").bigint().indexed(), column("note").text(),
                column("due").date()).index("title")), false);
        assertAgree(TODOS, DeclaredSchema.of(3, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(200).notNull(), column("owner").bigint().indexed(), column("note").text())),
                false);
        assertAgree(TODOS, DeclaredSchema.of(3, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(200).notNull(), column("owner").bigint(), column("note").text())
            .index("title")), false);
        assertAgree(TODOS, DeclaredSchema.of(3, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(200).notNull(), column("owner").bigint().indexed(), column("note").text())
            .uniqueIndex("title")), false);
        assertAgree(TODOS, DeclaredSchema.of(3, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(200).notNull(), column("owner").bigint().indexed(), column("note").text())
            .index("title"), table("tags", column("id").bigint().primaryKey())), false);
        assertAgree(TODOS, DeclaredSchema.of(3, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(200).notNull(), column("owner").bigint().indexed().references("users", "id"),
                column("note").text()).index("title")), false);
    }

    @Test
    void anIndexDeclaredTwiceDoesNotStandInForOneTheMigrationsBuild() {
        // the declaration names todos_owner_idx twice and lacks todos_title_idx: as many indexes, not the same
        assertAgree(TODOS, DeclaredSchema.of(3, table("todos", column("id").bigint().primaryKey(),
                column("title").varchar(200).notNull(), column("owner").bigint().indexed(), column("note").text())
            .index("owner")), false);
    }

    private static void assertAgree(List<Step> steps, DeclaredSchema declared, boolean same) {
        SchemaModel folded = SchemaModel.folding(declared);
        folded.apply(steps, "migration 1");
        assertThat(SchemaComparison.of(folded, SchemaModel.of(declared)).differences().isEmpty())
            .as("the comparison finds them the same").isEqualTo(same);
        assertThat(folded.matches(declared)).as("the quick check finds them the same").isEqualTo(same);
    }

}
