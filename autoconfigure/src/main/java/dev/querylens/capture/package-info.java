/**
 * The model of what QueryLens records: {@link dev.querylens.capture.QueryEvent}s
 * collected into a {@link dev.querylens.capture.Recording} per unit of work, bound to the
 * running thread by {@link dev.querylens.capture.CurrentRecording}. Imports no other
 * QueryLens package.
 */
@NullMarked
package dev.querylens.capture;

import org.jspecify.annotations.NullMarked;
