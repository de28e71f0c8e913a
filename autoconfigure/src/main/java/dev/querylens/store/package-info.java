/**
 * Where finished recordings go: analysed once, kept in a bounded
 * {@link dev.querylens.store.RecordingStore}, and passed to
 * {@link dev.querylens.store.RecordingListener}s (the N+1 log, metrics).
 */
@NullMarked
package dev.querylens.store;

import org.jspecify.annotations.NullMarked;
