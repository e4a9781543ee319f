/**
 * The machinery behind the runner: the validated plan, the history table and the execution of one migration.
 */
@NullMarked
package dev.cairn.core;

import org.jspecify.annotations.NullMarked;
