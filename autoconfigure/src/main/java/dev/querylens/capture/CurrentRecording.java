package dev.querylens.capture;

import java.util.concurrent.Callable;

/**
 * The recording bound to the running thread: the one piece of static state in QueryLens.
 * Bind with {@link #bind} in a try-with-resources block so the previous binding is always
 * restored.
 */
public final class CurrentRecording {

	private static final ThreadLocal<Recording.Started> CURRENT = new ThreadLocal<>();

	private CurrentRecording() {
	}

	/**
	 * Returns the recording bound to this thread.
	 * @return the recording, or {@code null} when nothing is being recorded
	 */
	public static Recording.Started get() {
		return CURRENT.get();
	}

	/**
	 * Binds a recording to this thread until the returned scope is closed.
	 * @param recording the recording, or {@code null} to record nothing within the scope
	 * @return the scope that restores the previous binding
	 */
	public static Scope bind(Recording.Started recording) {
		Recording.Started previous = CURRENT.get();
		CURRENT.set(recording);
		return new Scope(previous);
	}

	/**
	 * Binds a recording to this thread with no scope to close, for a propagation library
	 * (Micrometer's context-propagation) that keeps the previous value and restores it
	 * itself.
	 * @param recording the recording, or {@code null} to bind none
	 */
	public static void set(Recording.Started recording) {
		if (recording == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(recording);
		}
	}

	/**
	 * Wraps a task so that it runs bound to the recording current now, for work handed to
	 * another thread.
	 * @param task the task
	 * @return the wrapped task, or the task itself when nothing is being recorded
	 */
	public static Runnable wrap(Runnable task) {
		Recording.Started recording = get();
		if (recording == null) {
			return task;
		}
		return () -> {
			try (Scope scope = bind(recording)) {
				task.run();
			}
		};
	}

	/**
	 * Wraps a task so that it runs bound to the recording current now.
	 * @param <T> the result type
	 * @param task the task
	 * @return the wrapped task, or the task itself when nothing is being recorded
	 */
	public static <T> Callable<T> wrap(Callable<T> task) {
		Recording.Started recording = get();
		if (recording == null) {
			return task;
		}
		return () -> {
			try (Scope scope = bind(recording)) {
				return task.call();
			}
		};
	}

	/**
	 * A binding of a recording to a thread; closing it restores what was bound before.
	 */
	public static final class Scope implements AutoCloseable {

		private final Recording.Started previous;

		private Scope(Recording.Started previous) {
			this.previous = previous;
		}

		@Override
		public void close() {
			if (this.previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(this.previous);
			}
		}

	}

}
