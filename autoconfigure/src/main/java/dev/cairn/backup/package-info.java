/**
 * Backups before migrations that destroy data: of the SQLite database file, or copies of tables in the database,
 * and their restore. Internal: not part of Cairn's API, and may change in any release.
 */
@NullMarked
package dev.cairn.backup;

import org.jspecify.annotations.NullMarked;
