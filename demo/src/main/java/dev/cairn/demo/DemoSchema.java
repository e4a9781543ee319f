package dev.cairn.demo;

import dev.cairn.schema.DeclaredSchema;
import dev.cairn.schema.OnDelete;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.cairn.schema.Steps.column;
import static dev.cairn.schema.Steps.table;

/**
 * The demo's schema as it should be, declared once: the tables the migrations build, and what only adds on top of
 * them, which Cairn applies itself as version 7.
 */
@Configuration(proxyBeanMethods = false)
public class DemoSchema {

    /**
     * Version 7: users and todos as the Java migrations 1 to 4 and the scripts 5 and 5.1 leave them, the notes of
     * schema migration 6, and {@code todos.due_on}, which no migration adds: a new nullable column is one line here
     * and a version bump.
     * @return the declared schema
     */
    @Bean
    public DeclaredSchema declaredSchema() {
        return DeclaredSchema.of(7,
                table("users",
                        column("id").identity(),
                        column("name").varchar(100).notNull(),
                        column("email").varchar(200).notNull().unique()),
                table("todos",
                        column("id").identity(),
                        column("user_id").bigint().notNull().references("users", "id"),
                        column("title").varchar(200).notNull(),
                        column("done").bool().notNull().defaultValue(false),
                        column("priority").integer().notNull().defaultValue(2),
                        column("search_title").varchar(200),
                        column("due_on").date())
                    .index("todos_by_priority", false, "done", "priority")
                    .index("todos_by_user", false, "user_id"),
                table("todo_notes",
                        column("id").identity(),
                        column("todo_id").bigint().notNull().references("todos", "id", OnDelete.CASCADE).indexed(),
                        column("body").text().notNull(),
                        column("created_at").timestamp().notNull().defaultSql("CURRENT_TIMESTAMP")));
    }

}
