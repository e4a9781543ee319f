/**
 * A todo dashboard that shows Cairn at work: its schema grows through the migrations in the migrations package.
 */
@NullMarked
package dev.cairn.demo;

import org.jspecify.annotations.NullMarked;
