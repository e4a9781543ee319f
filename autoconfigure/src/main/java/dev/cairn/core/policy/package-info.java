/**
 * Checks of a plan before the database is touched: {@code cairn.policy=append-only} on the pending migrations, and
 * {@code cairn.future} on the migrations a newer version of the application applied.
 */
@NullMarked
package dev.cairn.core.policy;

import org.jspecify.annotations.NullMarked;
