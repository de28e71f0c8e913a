/**
 * Test support shared by the modules' tests: {@link dev.querylens.it.TestDatabase} says
 * which database a test class needs, so that it runs where Maven lists that database and
 * fails, never skips, in CI.
 */
@NullMarked
package dev.querylens.it;

import org.jspecify.annotations.NullMarked;
