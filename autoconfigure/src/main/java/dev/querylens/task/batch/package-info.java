/**
 * Spring Batch step executions as tasks, one recording per step execution. The only
 * package that depends on Spring Batch.
 */
@NullMarked
package dev.querylens.task.batch;

import org.jspecify.annotations.NullMarked;
