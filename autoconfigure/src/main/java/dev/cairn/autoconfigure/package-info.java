/**
 * Spring Boot auto-configuration for Cairn: the runner, when it runs, the SQLite default and the actuator parts.
 */
@NullMarked
package dev.cairn.autoconfigure;

import org.jspecify.annotations.NullMarked;
