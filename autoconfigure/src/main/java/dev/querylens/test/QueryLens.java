package dev.querylens.test;

import java.util.concurrent.Callable;

import dev.querylens.analysis.AnalyzedRecording;

/**
 * Records the statements of a block in any test, with or without Spring:
 * {@code AnalyzedRecording r = QueryLens.record(() -> service.listOrders());} then
 * {@code assertThat(r).hasQueryCount(2)} ({@link RecordingAssert}) or
 * {@code QueryLensAssertions.assertQueryCount(r, 2)}. Each call analyses with a fresh
 * default analyzer ({@link QueryRecorder#withDefaults()}); QueryLens keeps no static
 * state besides the recording bound to the thread.
 * <p>
 * It keeps nothing it records. In application code, to record a named unit of work as a
 * task that is stored, logged and shown in the dashboard's Tasks tab, inject
 * {@code dev.querylens.task.TaskRecorder} instead.
 */
public final class QueryLens {

	private QueryLens() {
	}

	/**
	 * Records a block.
	 * @param work the block; what it throws is rethrown unchanged
	 * @return the analysed recording
	 */
	public static AnalyzedRecording record(QueryRecorder.Work work) {
		return QueryRecorder.withDefaults().record(work);
	}

	/**
	 * Records a named block.
	 * @param name what the block does, shown in failure messages
	 * @param work the block; what it throws is rethrown unchanged
	 * @return the analysed recording
	 */
	public static AnalyzedRecording record(String name, QueryRecorder.Work work) {
		return QueryRecorder.withDefaults().record(name, work);
	}

	/**
	 * Records a block that returns a value.
	 * @param <T> the value's type
	 * @param work the block; what it throws is rethrown unchanged
	 * @return the value together with the analysed recording
	 */
	public static <T> QueryRecorder.Recorded<T> recordResult(Callable<T> work) {
		return QueryRecorder.withDefaults().recordResult(work);
	}

	/**
	 * Records a named block that returns a value.
	 * @param <T> the value's type
	 * @param name what the block does, shown in failure messages
	 * @param work the block; what it throws is rethrown unchanged
	 * @return the value together with the analysed recording
	 */
	public static <T> QueryRecorder.Recorded<T> recordResult(String name, Callable<T> work) {
		return QueryRecorder.withDefaults().recordResult(name, work);
	}

}
