/**
 * The machinery behind the runner: the validated plan, the history table, its layouts and the execution of one
 * migration. Internal: not part of Cairn's API, and may change in any release.
 */
@NullMarked
package dev.cairn.core;

import org.jspecify.annotations.NullMarked;
