package dev.cairn.demo;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One todo as the API shows it.
 *
 * @param id the id
 * @param userId the owner
 * @param title what to do
 * @param done whether it is done
 * @param priority 1 (urgent) to 3 (some day)
 * @param dueOn when it is due, or {@code null}: the column the declared schema adds as version 7
 */
public record Todo(long id, long userId, String title, boolean done, int priority, @Nullable LocalDate dueOn) {
}
