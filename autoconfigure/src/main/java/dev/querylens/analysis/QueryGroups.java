package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Recording;
import dev.querylens.capture.SqlTally;

/**
 * The kept queries of a recording with their fingerprints, grouped into duplicates (same SQL and
 * same parameters) and similar queries (same fingerprint), with the recording's
 * {@code duplicateCount} and {@code similarCount}.
 * <p>
 * A query whose parameters were not captured ({@code null}) is never a duplicate, since its values
 * are unknown; a query with no parameters ({@code []}) repeated is. For a truncated recording,
 * the executions past the limit are known only per SQL string, not their parameters, so they are
 * all added to {@code similarCount} (none to {@code duplicateCount}), except the first execution
 * of a fingerprint never seen before.
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
		int duplicates = 0;
		int similar = 0;
		for (QueryEvent event : events) {
			// A statement cut when recorded was fingerprinted whole then; its kept text would give another shape.
			String fingerprint = (event.fullFingerprint() != null) ? event.fullFingerprint()
					: cache.fingerprint(event.sql());
			Integer duplicateOf = null;
			if (event.parameters() != null) {
				duplicateOf = firstByStatement.putIfAbsent(new Statement(event.sql(), event.sqlLength(),
						event.fullSqlHash(), event.parameters()), event.index());
			}
			Integer group = groupByFingerprint.get(fingerprint);
			if (group == null) {
				group = groupByFingerprint.size();
				groupByFingerprint.put(fingerprint, group);
			}
			else if (duplicateOf != null) {
				duplicates++;
			}
			else {
				similar++;
			}
			queries.add(new AnalyzedQuery(event, fingerprint, duplicateOf, group));
		}
		Set<String> seen = new HashSet<>(groupByFingerprint.keySet());
		for (SqlTally tally : recording.getOverflow()) {
			boolean first = seen.add(cache.fingerprint(tally.sql()));
			similar += first ? tally.count() - 1 : tally.count();
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
	 * Returns the number of queries whose fingerprint repeats an earlier query's but which are not
	 * duplicates.
	 * @return the count, a parent query and ten lazy loads of one shape giving 9
	 */
	public int getSimilarCount() {
		return this.similarCount;
	}

	// The length and hash of the whole text tell apart cut statements that begin alike.
	private record Statement(String sql, int sqlLength, int fullSqlHash, List<Object> parameters) {
	}

}
