/**
 * The locks that make one instance at a time migrate: session locks, SQLite lock files and lease rows.
 */
@NullMarked
package dev.cairn.lock;

import org.jspecify.annotations.NullMarked;
