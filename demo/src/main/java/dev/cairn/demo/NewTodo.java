package dev.cairn.demo;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A todo to add: a title, and optionally a priority, owner and due date.
 *
 * @param title what to do
 * @param priority 1 (urgent) to 3 (some day); default 2
 * @param userId the owner; default the demo user
 * @param dueOn when it is due; default none
 */
public record NewTodo(String title, @Nullable Integer priority, @Nullable Long userId, @Nullable LocalDate dueOn) {
}
