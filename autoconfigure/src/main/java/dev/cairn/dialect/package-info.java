/**
 * One small class per database: the SQL Cairn needs, its syntax, how it locks, and whether DDL rolls back. Internal:
 * not part of Cairn's API, and may change in any release; migrations see {@link dev.cairn.SqlDialect}.
 */
@NullMarked
package dev.cairn.dialect;

import org.jspecify.annotations.NullMarked;
