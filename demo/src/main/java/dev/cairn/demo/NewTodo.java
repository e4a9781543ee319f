package dev.cairn.demo;

import org.jspecify.annotations.Nullable;

/**
 * A todo to add: a title, and optionally a priority and owner.
 *
 * @param title what to do
 * @param priority 1 (urgent) to 3 (some day); default 2
 * @param userId the owner; default the demo user
 */
public record NewTodo(String title, @Nullable Integer priority, @Nullable Long userId) {
}
