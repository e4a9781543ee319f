/**
 * What applications touch, and all of Cairn's API: migrations, their context, the runner, its settings and listeners,
 * and what it reports. The other packages but {@code autoconfigure} and {@code actuate} are internal.
 */
@NullMarked
package dev.cairn;

import org.jspecify.annotations.NullMarked;
