/**
 * Where migrations come from: one resolver per source, each producing the same executable shape. Internal: not
 * part of Cairn's API, and may change in any release.
 */
@NullMarked
package dev.cairn.core.source;

import org.jspecify.annotations.NullMarked;
