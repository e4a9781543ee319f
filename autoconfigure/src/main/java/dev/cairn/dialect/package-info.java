/**
 * One small class per database: the SQL Cairn needs, how it locks, and whether DDL rolls back.
 */
@NullMarked
package dev.cairn.dialect;

import org.jspecify.annotations.NullMarked;
