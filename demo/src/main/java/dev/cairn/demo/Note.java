package dev.cairn.demo;

import java.time.LocalDateTime;

/**
 * A note on a todo, from the {@code todo_notes} table of schema migration 6.
 *
 * @param id the id
 * @param todoId the todo it is on
 * @param body what it says
 * @param createdAt when it was written, by the database's clock
 */
public record Note(long id, long todoId, String body, LocalDateTime createdAt) {
}
