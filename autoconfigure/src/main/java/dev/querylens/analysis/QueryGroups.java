package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Recording;
import dev.querylens.capture.SqlTally;

/**
 * The kept queries of a recording with their fingerprints, grouped into duplicates (same
 * SQL and same parameters) and similar queries (same fingerprint, other parameters), with
 * the recording's {@code duplicateCount} and {@code similarCount}.
 * <p>
 * {@code similarCount} counts every statement of a fingerprint that ran with at least two
 * different sets of parameters, the first included and exact repeats excluded: the number
 * the panel's {@code similar ×N} marks add up to. Seven runs of one statement with the
 * same parameters are duplicates, not similar.
 * <p>
 * A query whose parameters were not captured ({@code null}) is never a duplicate, since
 * its values are unknown; a query with no parameters ({@code []}) repeated is. For a
 * truncated recording, the executions past the limit are known only per SQL string, not
 * their parameters, so they are all counted as similar statements of their fingerprint
 * (none as duplicates).
 */
public final class QueryGroups {

	private final Recording recording;

	private final List<AnalyzedQuery> queries;

	private final int duplicateCount;

	private final int similarCount;

	private QueryGroups(Recording recording, List<AnalyzedQuery> queries, int duplicateCount, int similarCount) {
		this.recording = recording;
		this.queries = List.copyOf(queries);
		this.duplicateCount = duplicateCount;
		this.similarCount = similarCount;
	}

	/**
	 * Groups the queries of a recording.
	 * @param recording the recording, normally finished
	 * @param cache the fingerprints by SQL string
	 * @return the groups
	 */
	public static QueryGroups of(Recording recording, SqlFingerprintCache cache) {
		List<QueryEvent> events = recording.getQueries();
		List<AnalyzedQuery> queries = new ArrayList<>(events.size());
		Map<Statement, Integer> firstByStatement = new HashMap<>();
		Map<String, Integer> groupByFingerprint = new HashMap<>();
		Map<String, Integer> distinctByFingerprint = new HashMap<>();
		int duplicates = 0;
		for (QueryEvent event : events) {
			// A statement cut when recorded was fingerprinted whole then; its kept text
			// would give another shape.
			String fingerprint = (event.fullFingerprint() != null) ? event.fullFingerprint()
					: cache.fingerprint(event.sql());
			Integer duplicateOf = null;
			if (event.parameters() != null) {
				duplicateOf = firstByStatement.putIfAbsent(
						new Statement(event.sql(), event.sqlLength(), event.fullSqlHash(), event.parameters()),
						event.index());
			}
			Integer group = groupByFingerprint.get(fingerprint);
			if (group == null) {
				group = groupByFingerprint.size();
				groupByFingerprint.put(fingerprint, group);
			}
			else if (duplicateOf != null) {
				duplicates++;
			}
			if (duplicateOf == null) {
				distinctByFingerprint.merge(fingerprint, 1, Integer::sum);
			}
			queries.add(new AnalyzedQuery(event, fingerprint, duplicateOf, group));
		}
		for (SqlTally tally : recording.getOverflow()) {
			distinctByFingerprint.merge(cache.fingerprint(tally.sql()), tally.count(), Integer::sum);
		}
		int similar = 0;
		for (int distinct : distinctByFingerprint.values()) {
			if (distinct > 1) {
				similar += distinct;
			}
		}
		return new QueryGroups(recording, queries, duplicates, similar);
	}

	/**
	 * Returns the recording the queries belong to.
	 * @return the recording
	 */
	public Recording getRecording() {
		return this.recording;
	}

	/**
	 * Returns the kept queries, analysed, in execution order.
	 * @return the queries
	 */
	public List<AnalyzedQuery> getQueries() {
		return this.queries;
	}

	/**
	 * Returns the number of queries whose SQL and parameters repeat an earlier query's.
	 * @return the count, two identical queries giving 1
	 */
	public int getDuplicateCount() {
		return this.duplicateCount;
	}

	/**
	 * Returns the number of queries of a fingerprint run with different parameters,
	 * counting each such query (the first included) but not exact repeats.
	 * @return the count, a parent query and ten lazy loads of one shape giving 10
	 */
	public int getSimilarCount() {
		return this.similarCount;
	}

	// The length and hash of the whole text tell apart cut statements that begin alike.
	private record Statement(String sql, int sqlLength, int fullSqlHash, List<Object> parameters) {
	}

}
