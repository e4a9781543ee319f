/**
 * Reading SQL migration scripts: splitting a script into the statements a database runs one by one, and telling
 * which of them cannot run inside a transaction.
 */
@NullMarked
package dev.cairn.core.sql;

import org.jspecify.annotations.NullMarked;
