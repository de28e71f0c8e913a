/**
 * Reads a finished {@link dev.querylens.capture.Recording} and says what is costly in it:
 * duplicate and similar queries, and {@link dev.querylens.analysis.Finding}s with their
 * fixes. Depends on {@code capture} only (and on the JPA API, optionally, to name
 * associations).
 */
@NullMarked
package dev.querylens.analysis;

import org.jspecify.annotations.NullMarked;
