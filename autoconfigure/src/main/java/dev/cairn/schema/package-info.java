/**
 * Declarative schema changes: steps such as {@link dev.cairn.schema.Steps#createTable} written as data, the
 * {@link dev.cairn.schema.SchemaMigration}s that hold them, and an application's declared schema.
 */
@NullMarked
package dev.cairn.schema;

import org.jspecify.annotations.NullMarked;
