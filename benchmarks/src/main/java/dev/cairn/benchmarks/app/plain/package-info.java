/**
 * The application without a migration tool, in a package of its own so that it scans nothing else.
 */
@NullMarked
package dev.cairn.benchmarks.app.plain;

import org.jspecify.annotations.NullMarked;
