package dev.querylens.task;

import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.querylens.capture.CurrentRecording;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.store.RecordingCollector;

/**
 * Records a named unit of work outside an HTTP request, such as a nightly export or a
 * batch step, as a recording of kind {@code task}: analysed, stored, logged and measured
 * as a request is. Inject it and wrap the work: <pre class="code">
 * taskRecorder.record("nightly export", () -&gt; exporter.export());
 * </pre> Work that runs while another recording is current (inside a request, a test or
 * another task) joins that recording instead of starting one, so no statement is counted
 * twice. A task that ran no statement is not kept.
 */
public final class TaskRecorder {

	/** The label of recordings made through {@link #record}. */
	public static final String LABEL = "task";

	private final RecordingCollector collector;

	private final int maxQueries;

	/**
	 * Creates a recorder.
	 * @param collector where finished recordings go
	 * @param maxQueries how many statements each recording keeps in full
	 */
	public TaskRecorder(RecordingCollector collector, int maxQueries) {
		this.collector = Objects.requireNonNull(collector, "'collector' must not be null");
		this.maxQueries = maxQueries;
	}

	/**
	 * Runs work as a task recording, or as part of the current recording if there is one.
	 * @param name what the work is, shown in the dashboard and the log, and the
	 * {@code name} tag of its meters (so a fixed name, never one with an id in it)
	 * @param work the work; what it throws is rethrown unchanged
	 */
	public void record(String name, Runnable work) {
		Running running = start(LABEL, name);
		try {
			work.run();
		}
		finally {
			running.finish();
		}
	}

	/**
	 * Runs work that returns a value as a task recording, or as part of the current
	 * recording if there is one.
	 * @param <T> the value's type
	 * @param name what the work is, shown in the dashboard and the log, and the
	 * {@code name} tag of its meters
	 * @param work the work; what it throws is rethrown unchanged
	 * @return what the work returned
	 */
	public <T> T record(String name, Supplier<T> work) {
		Running running = start(LABEL, name);
		try {
			return work.get();
		}
		finally {
			running.finish();
		}
	}

	/**
	 * Starts a task recording bound to this thread, unless a recording is current
	 * already: for QueryLens's integrations whose work begins and ends in two callbacks
	 * (a listener's before and after), where {@link #record} cannot wrap it.
	 * @param label where the task comes from, such as {@code scheduled} or
	 * {@code listener}: the recording's {@code method} and its meters' {@code source} tag
	 * @param name the task's name
	 * @return the running task, to finish on the same thread
	 */
	public Running start(String label, String name) {
		if (CurrentRecording.get() != null) {
			return Running.JOINED;
		}
		Recording recording = Recording.start(Kind.TASK, label, name, null, this.maxQueries);
		return new Running(this.collector, recording, CurrentRecording.bind(recording));
	}

	/**
	 * A task recording bound to a thread, or nothing when the work joined a recording
	 * already current.
	 */
	public static final class Running {

		static final Running JOINED = new Running(null, null, null);

		private final @Nullable RecordingCollector collector;

		private final @Nullable Recording recording;

		private final CurrentRecording.@Nullable Scope scope;

		private Running(@Nullable RecordingCollector collector, @Nullable Recording recording,
				CurrentRecording.@Nullable Scope scope) {
			this.collector = collector;
			this.recording = recording;
			this.scope = scope;
		}

		/**
		 * Unbinds and finishes the recording and hands it to the collector, which never
		 * throws.
		 */
		public void finish() {
			if (this.recording == null || this.scope == null || this.collector == null) {
				return;
			}
			this.scope.close();
			// A task that ran no statement (a poll that found nothing to do) would only
			// crowd the history.
			if (this.recording.finish(0, null)
					&& (this.recording.getQueryCount() > 0 || this.recording.getConnectionFailureCount() > 0)) {
				this.collector.collect(this.recording);
			}
		}

	}

}
