/**
 * The benchmark suite: a launcher that runs every measurement in a child JVM of its own and reports the results
 * as Markdown.
 */
@NullMarked
package dev.cairn.benchmarks;

import org.jspecify.annotations.NullMarked;
