/**
 * Declarative steps rendered as SQL: one renderer per database, the SQLite table rebuild, and the fold of steps
 * into the schema they build.
 */
@NullMarked
package dev.cairn.core.steps;

import org.jspecify.annotations.NullMarked;
