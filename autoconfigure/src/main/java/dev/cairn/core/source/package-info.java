/**
 * Where migrations come from: one resolver per source, each producing the same executable shape.
 */
@NullMarked
package dev.cairn.core.source;

import org.jspecify.annotations.NullMarked;
