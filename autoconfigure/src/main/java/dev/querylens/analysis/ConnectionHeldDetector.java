package dev.querylens.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Transaction;
import dev.querylens.capture.Transactions;

/**
 * Finds transactions that held their connection while doing something else: approximates
 * "the connection waited for the application, such as a call to a remote service inside a
 * {@code @Transactional} method" as a transaction with one wait of at least
 * {@code threshold} between its statements (or before the first, or after the last), its
 * idle time being also at least {@code idlePercent} of the time held (so a long
 * transaction that is busy, a slow statement, is not reported). One wait, not the sum of
 * all gaps: many small gaps are the JVM and the framework between statements (a paused or
 * loaded machine, a cold start), while a remote call is one gap.
 */
public final class ConnectionHeldDetector implements FindingDetector {

	private static final long ROWS_READ_AFTERWARDS = 100;

	private final long thresholdNanos;

	private final int idlePercent;

	/**
	 * Creates a detector.
	 * @param threshold the idle time reported
	 * @param idlePercent the share of the time held that must be idle, 0 to 100
	 */
	public ConnectionHeldDetector(Duration threshold, int idlePercent) {
		this.thresholdNanos = threshold.toNanos();
		this.idlePercent = Math.max(0, Math.min(100, idlePercent));
	}

	@Override
	public List<Finding> detect(QueryGroups groups) {
		Transactions log = groups.getRecording().getTransactions();
		List<Finding> findings = new ArrayList<>();
		for (Transaction transaction : log.getTransactions()) {
			long held = transaction.connectionHeldNanos();
			if (held < this.thresholdNanos) {
				continue;
			}
			List<AnalyzedQuery> statements = new ArrayList<>();
			long busy = 0;
			for (AnalyzedQuery query : groups.getQueries()) {
				if (log.transactionOf(query.event().index()) == transaction.id()) {
					statements.add(query);
					busy += query.event().durationNanos();
				}
			}
			long idle = held - busy;
			if (idle >= this.thresholdNanos && idle * 100 >= held * this.idlePercent
					&& longestWait(transaction, statements, held) >= this.thresholdNanos) {
				findings.add(finding(transaction, statements, held, busy));
			}
		}
		return findings;
	}

	private Finding finding(Transaction transaction, List<AnalyzedQuery> statements, long held, long busy) {
		long end = transaction.startOffsetNanos() + transaction.durationNanos();
		// The longest wait: before the first statement, between two, or after the last.
		long longest = -1;
		AnalyzedQuery before = null;
		long from = end - held;
		AnalyzedQuery previous = null;
		for (AnalyzedQuery query : statements) {
			QueryEvent event = query.event();
			boolean afterARead = previous != null && readsRows(previous.event());
			if (!afterARead && event.offsetNanos() - from > longest) {
				longest = event.offsetNanos() - from;
				before = previous;
			}
			from = Math.max(from, event.offsetNanos() + event.durationNanos());
			previous = query;
		}
		boolean afterLast = (previous == null || !readsRows(previous.event())) && end - from > longest;
		if (afterLast) {
			longest = end - from;
			before = previous;
		}
		String callSite = (transaction.callSite() != null) ? transaction.callSite().toString() : null;
		String where = (before == null) ? "before its first statement"
				: "after `" + NPlusOneDetector.shorten(before.fingerprint()) + "`"
						+ ((before.event().callSite() != null) ? " at `" + before.event().callSite() + "`" : "")
						+ (afterLast ? ", its last statement" : "");
		String message = "A transaction" + ((callSite != null) ? " of `" + callSite + "`" : "")
				+ " held its connection " + millis(held) + " while its " + statements.size() + " statement"
				+ ((statements.size() == 1) ? "" : "s") + " ran " + millis(busy) + "; the longest wait, "
				+ millis(longest) + ", came " + where + ".";
		String suggestion = "Do the slow work that is not SQL (a call to a remote service, a file, a long computation) "
				+ "before the transaction begins or after it commits, and keep in the transaction only the statements"
				+ ((transaction.callSite() != null)
						? ": move it out of `" + method(transaction) + "`, or split the method in two" : "")
				+ ". A connection held idle is one the pool cannot lend to another request.";
		String fingerprint = (before != null) ? before.fingerprint()
				: (!statements.isEmpty()) ? statements.get(0).fingerprint() : "";
		List<Integer> indexes = statements.stream().map((query) -> query.event().index()).toList();
		return new Finding(FindingType.CONNECTION_HELD, Severity.WARNING, message, fingerprint, statements.size(),
				callSite, null, suggestion, indexes, false);
	}

	private static long longestWait(Transaction transaction, List<AnalyzedQuery> statements, long held) {
		long end = transaction.startOffsetNanos() + transaction.durationNanos();
		long from = end - held;
		long longest = 0;
		boolean afterARead = false;
		for (AnalyzedQuery query : statements) {
			QueryEvent event = query.event();
			if (!afterARead) {
				longest = Math.max(longest, event.offsetNanos() - from);
			}
			from = Math.max(from, event.offsetNanos() + event.durationNanos());
			afterARead = readsRows(event);
		}
		return afterARead ? longest : Math.max(longest, end - from);
	}

	/**
	 * Whether the time after the statement is likely spent reading its result: a
	 * statement's time ends when the driver returns, while reading and mapping many rows
	 * (entities hydrated from a large result) holds the connection for the statement's
	 * own work, not for something else.
	 */
	private static boolean readsRows(QueryEvent event) {
		return event.rows() > ROWS_READ_AFTERWARDS;
	}

	private static String method(Transaction transaction) {
		String className = transaction.callSite().className();
		String simple = className.substring(className.lastIndexOf('.') + 1);
		return (transaction.callSite().methodName() != null) ? simple + "." + transaction.callSite().methodName()
				: simple;
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%d ms", Math.round(nanos / 1_000_000.0));
	}

}
