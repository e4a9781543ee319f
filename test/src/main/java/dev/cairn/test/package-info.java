/**
 * Checks of an application's own migrations for its JUnit 5 tests: a fresh install equals every upgrade,
 * reversible migrations round-trip, and the declared schema is the migrated one.
 */
@NullMarked
package dev.cairn.test;

import org.jspecify.annotations.NullMarked;
