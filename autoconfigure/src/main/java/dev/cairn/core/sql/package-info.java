/**
 * Reading SQL migration scripts: finding them, naming, checksums, placeholders and splitting into statements.
 */
@NullMarked
package dev.cairn.core.sql;

import org.jspecify.annotations.NullMarked;
