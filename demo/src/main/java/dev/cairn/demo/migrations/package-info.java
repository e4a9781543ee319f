/**
 * The demo's migrations, one bean per schema change.
 */
@NullMarked
package dev.cairn.demo.migrations;

import org.jspecify.annotations.NullMarked;
