package dev.cairn.demo;

/**
 * One todo as the API shows it.
 *
 * @param id the id
 * @param userId the owner
 * @param title what to do
 * @param done whether it is done
 * @param priority 1 (urgent) to 3 (some day)
 */
public record Todo(long id, long userId, String title, boolean done, int priority) {
}
