/**
 * The live schema of a database as a normalised snapshot that can be stored, hashed and compared: what the schema
 * signature and the drift check are made of.
 */
@NullMarked
package dev.cairn.core.schema;

import org.jspecify.annotations.NullMarked;
