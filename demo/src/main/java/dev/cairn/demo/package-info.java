/**
 * A todo dashboard that shows Cairn at work: its schema grows through the migrations in the migrations package, and
 * is declared in {@link dev.cairn.demo.DemoSchema}, whose version 7 adds what only adds.
 */
@NullMarked
package dev.cairn.demo;

import org.jspecify.annotations.NullMarked;
