/**
 * The contenders: raw JDBC, Cairn, Flyway and Liquibase, each doing the same {@link dev.cairn.benchmarks.contender.Workload}.
 */
@NullMarked
package dev.cairn.benchmarks.contender;

import org.jspecify.annotations.NullMarked;
