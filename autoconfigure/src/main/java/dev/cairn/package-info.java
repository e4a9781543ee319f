/**
 * What applications touch: migrations, their context, the runner and what it reports.
 */
@NullMarked
package dev.cairn;

import org.jspecify.annotations.NullMarked;
