/**
 * What an ORM integration tells a recording, as plain data with no ORM type: the lazy
 * associations it initialised and the statements whose rows it made entities of, which
 * {@link dev.querylens.orm.EntityLoads} attaches to a
 * {@link dev.querylens.capture.Recording} so that capture carries it without knowing its
 * type. Written by {@code hibernate}, read by {@code analysis} and {@code store}; depends
 * on {@code capture} only.
 */
@NullMarked
package dev.querylens.orm;

import org.jspecify.annotations.NullMarked;
