package dev.cairn.demo.migrations;

import java.util.List;

import dev.cairn.schema.OnDelete;
import dev.cairn.schema.SchemaMigration;
import dev.cairn.schema.Step;

import org.springframework.stereotype.Component;

import static dev.cairn.schema.Steps.column;
import static dev.cairn.schema.Steps.createTable;

/**
 * Version 6, written as steps: notes on a todo, deleted with it. Reversible without code (its inverse drops the
 * table), and additive, so it runs under the append-only policy.
 */
@Component
public class CreateTodoNotes implements SchemaMigration {

    @Override
    public long version() {
        return 6;
    }

    @Override
    public List<Step> steps() {
        return List.of(createTable("todo_notes",
                column("id").identity(),
                column("todo_id").bigint().notNull().references("todos", "id", OnDelete.CASCADE).indexed(),
                column("body").text().notNull(),
                column("created_at").timestamp().notNull().defaultSql("CURRENT_TIMESTAMP")));
    }

}
