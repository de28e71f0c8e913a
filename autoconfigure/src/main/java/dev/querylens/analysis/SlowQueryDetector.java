package dev.querylens.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.querylens.capture.QueryEvent;

/**
 * Finds statements that took longer than the threshold, one finding per fingerprint,
 * slowest first in the message. The time is the driver's execution time as the recorder
 * measured it, so it includes the network and waiting for locks; a slow {@code SELECT} is
 * usually a missing index, which only the plan can show.
 */
public final class SlowQueryDetector implements FindingDetector {

	private final long thresholdNanos;

	/**
	 * Creates a detector.
	 * @param threshold time past which a statement is slow
	 */
	public SlowQueryDetector(Duration threshold) {
		this.thresholdNanos = Math.max(1, threshold.toNanos());
	}

	@Override
	public List<Finding> detect(QueryGroups groups) {
		Map<String, List<AnalyzedQuery>> slow = new LinkedHashMap<>();
		for (AnalyzedQuery query : groups.getQueries()) {
			if (query.event().durationNanos() > this.thresholdNanos) {
				slow.computeIfAbsent(query.fingerprint(), (key) -> new ArrayList<>()).add(query);
			}
		}
		List<Finding> findings = new ArrayList<>();
		for (List<AnalyzedQuery> queries : slow.values()) {
			findings.add(finding(queries));
		}
		return findings;
	}

	private Finding finding(List<AnalyzedQuery> queries) {
		AnalyzedQuery slowest = queries.get(0);
		for (AnalyzedQuery query : queries) {
			if (query.event().durationNanos() > slowest.event().durationNanos()) {
				slowest = query;
			}
		}
		QueryEvent event = slowest.event();
		String callSite = (event.callSite() != null) ? event.callSite().toString() : null;
		String fingerprint = slowest.fingerprint();
		String message = "`" + NPlusOneDetector.shorten(fingerprint) + "` took " + millis(event.durationNanos())
				+ ((queries.size() > 1) ? " (slowest of " + queries.size() + " runs over the threshold)" : "")
				+ ", over the " + millis(this.thresholdNanos) + " threshold"
				+ ((callSite != null) ? ", from `" + callSite + "`" : "") + ".";
		String suggestion = SqlShape.isRead(fingerprint)
				? "Look at its plan (`EXPLAIN` on MySQL/MariaDB and H2, `EXPLAIN (ANALYZE, BUFFERS)` on PostgreSQL): "
						+ "a full scan of a table filtered or ordered by a column wants an index on that column, "
						+ "`@Table(indexes = @Index(columnList = \"…\"))` on the entity (and a migration); a large "
						+ "result wants paging or a projection of the columns the page shows."
				: "Check what it waits for: a write is slowed by locks held by other transactions, by indexes to "
						+ "maintain, or, with a WHERE clause, by a missing index on the columns it filters on.";
		List<Integer> indexes = queries.stream().map((query) -> query.event().index()).toList();
		return new Finding(FindingType.SLOW_QUERY, Severity.WARNING, message, fingerprint, queries.size(), callSite,
				null, suggestion, indexes, false);
	}

	private static String millis(long nanos) {
		double ms = nanos / 1_000_000.0;
		return (ms >= 10) ? Math.round(ms) + " ms" : String.format(java.util.Locale.ROOT, "%.1f ms", ms);
	}

}
