/**
 * The application with Cairn, in a package of its own so that it scans nothing else.
 */
@NullMarked
package dev.cairn.benchmarks.app.cairn;

import org.jspecify.annotations.NullMarked;
