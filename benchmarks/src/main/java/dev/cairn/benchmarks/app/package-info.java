/**
 * The application-start scenario: three minimal Spring Boot applications, with Cairn, with Flyway's integration
 * and with neither, each started in a JVM of its own.
 */
@NullMarked
package dev.cairn.benchmarks.app;

import org.jspecify.annotations.NullMarked;
