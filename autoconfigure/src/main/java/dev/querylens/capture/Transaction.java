package dev.querylens.capture;

import org.jspecify.annotations.Nullable;

/**
 * One transaction a recording's work began: where, how, how it ended, and how long it
 * held its connection.
 *
 * @param id its number within the recording: 1, 2, … in the order they began
 * @param name the transaction's name as the transaction manager knows it, for a
 * {@code @Transactional} method the class and method
 * ({@code com.example.OrderService.update}), or {@code null} when it has none
 * @param callSite what began it: for a {@code @Transactional} method the method itself
 * (with no line, since it began before the method's first line) whose call path is the
 * application code that called it, for a {@code TransactionTemplate} the application code
 * that called {@code execute}; {@code null} when not captured
 * @param readOnly whether it was declared read-only
 * @param isolation the isolation level declared ({@code DEFAULT}, {@code READ_COMMITTED},
 * …)
 * @param propagation how it related to the transaction around it: {@code REQUIRED} when
 * none was open on its thread, {@code REQUIRES_NEW} when it suspended one, {@code NESTED}
 * for a savepoint
 * @param outcome how it ended, or {@code null} when it was still open when the recording
 * finished
 * @param startOffsetNanos time from the recording's start to its begin
 * @param durationNanos time from its begin to its end (to the recording's end when still
 * open)
 * @param connectionHeldNanos time from the connection's checkout within it to its end, or
 * from its begin when its statements ran on a connection checked out before it (the
 * request's, under open-in-view); 0 when it used none, or for a savepoint
 */
public record Transaction(int id, @Nullable String name, @Nullable CallSite callSite, boolean readOnly,
		String isolation, String propagation, @Nullable Outcome outcome, long startOffsetNanos, long durationNanos,
		long connectionHeldNanos) {

	/**
	 * How a transaction ended.
	 */
	public enum Outcome {

		/** Committed. */
		COMMIT,

		/** Rolled back. */
		ROLLBACK

	}

}
