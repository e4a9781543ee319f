/**
 * What a migration changes, classified before it runs as additive or breaking: the input of
 * {@code cairn.policy=append-only} and of the history's {@code additive} column.
 */
@NullMarked
package dev.cairn.core.change;

import org.jspecify.annotations.NullMarked;
