/**
 * Reading SQL migration scripts: finding them, naming, checksums, placeholders and splitting into statements.
 * Internal: not part of Cairn's API, and may change in any release.
 */
@NullMarked
package dev.cairn.core.sql;

import org.jspecify.annotations.NullMarked;
