package dev.cairn.demo;

/**
 * How many todos there are of one priority, from the {@code todo_summary} view of {@code R__todo_summary.sql}.
 *
 * @param priority 1 (urgent) to 3 (some day)
 * @param todos how many
 * @param done how many of them are done
 */
public record Summary(int priority, int todos, int done) {
}
