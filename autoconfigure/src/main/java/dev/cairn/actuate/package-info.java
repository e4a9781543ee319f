/**
 * Actuator support: the {@code migrations} endpoint and health indicator.
 */
@NullMarked
package dev.cairn.actuate;

import org.jspecify.annotations.NullMarked;
