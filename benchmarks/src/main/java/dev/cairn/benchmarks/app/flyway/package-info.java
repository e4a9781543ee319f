/**
 * The application with Flyway's Spring Boot integration, in a package of its own so that it scans nothing else.
 */
@NullMarked
package dev.cairn.benchmarks.app.flyway;

import org.jspecify.annotations.NullMarked;
