/**
 * The machinery behind background migrations: their state table, the worker that runs their batches under a lease of
 * its own, and how batch sizes adapt. Internal: not part of Cairn's API, and may change in any release.
 */
@NullMarked
package dev.cairn.background;

import org.jspecify.annotations.NullMarked;
