package dev.cairn.demo;

/**
 * A note to add to a todo.
 *
 * @param body what it says
 */
public record NewNote(String body) {
}
