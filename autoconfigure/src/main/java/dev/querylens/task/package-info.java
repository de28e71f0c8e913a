/**
 * Recordings of work outside an HTTP request, of kind {@code task}: a named block
 * recorded through {@link dev.querylens.task.TaskRecorder}, and, with no code,
 * {@code @Scheduled} methods, {@code @Async} methods called outside a recording, and the
 * application's runners at start-up.
 */
@NullMarked
package dev.querylens.task;

import org.jspecify.annotations.NullMarked;
