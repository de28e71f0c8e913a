package dev.querylens.jdbc;

import java.lang.ref.WeakReference;

/**
 * The failure last recorded on this thread, so that one failure passing up through
 * stacked recorded data sources (a routing data source over a recorded pool) is recorded
 * once, by the innermost, and not again by each layer. Used only when something failed,
 * so it costs nothing on the way of a statement that works.
 */
final class RecordedFailures {

	// Weak, so a failure the application has long dropped is not kept alive by the thread
	// that saw it.
	private static final ThreadLocal<WeakReference<Throwable>> last = new ThreadLocal<>();

	private RecordedFailures() {
	}

	/**
	 * Whether this very failure was recorded already, and if not, remembers it as
	 * recorded now.
	 * @param failure what the driver or pool threw
	 * @return {@code true} when a data source or connection nearer the driver recorded it
	 */
	static boolean isRecordedElseMark(Throwable failure) {
		WeakReference<Throwable> previous = last.get();
		if (previous != null && previous.get() == failure) {
			return true;
		}
		last.set(new WeakReference<>(failure));
		return false;
	}

	/**
	 * Describes a failure as the JSON shows it.
	 * @param failure what the driver or pool threw
	 * @return its class name and message
	 */
	static String describe(Throwable failure) {
		String message = failure.getMessage();
		return (message != null) ? failure.getClass().getName() + ": " + message : failure.getClass().getName();
	}

}
