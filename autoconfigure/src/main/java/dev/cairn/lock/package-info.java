/**
 * The locks that make one instance at a time migrate: session locks, SQLite lock files and lease rows. Internal:
 * not part of Cairn's API, and may change in any release.
 */
@NullMarked
package dev.cairn.lock;

import org.jspecify.annotations.NullMarked;
