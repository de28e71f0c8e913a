package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.List;

import dev.querylens.capture.QueryEvent;

/**
 * Finds SELECTs that read more than {@code rows} rows with nothing in the statement to
 * bound them: no top-level {@code LIMIT}, {@code OFFSET}, {@code FETCH FIRST} or
 * {@code TOP} (see {@link SqlShape#isLimited}). Rows are the ones the application read
 * from the result set, so a statement whose rows were not all read is judged on those
 * read.
 */
public final class UnboundedResultDetector implements FindingDetector {

	private final long rows;

	/**
	 * Creates a detector.
	 * @param rows rows past which an unbounded SELECT is reported
	 */
	public UnboundedResultDetector(long rows) {
		this.rows = Math.max(1, rows);
	}

	@Override
	public List<Finding> detect(QueryGroups groups) {
		List<Finding> findings = new ArrayList<>();
		for (AnalyzedQuery query : groups.getQueries()) {
			QueryEvent event = query.event();
			if (event.rows() > this.rows && event.batchSize() <= 1 && SqlShape.isRead(query.fingerprint())
					&& !SqlShape.isLimited(query.fingerprint())) {
				String callSite = (event.callSite() != null) ? event.callSite().toString() : null;
				String message = "`" + NPlusOneDetector.shorten(query.fingerprint()) + "` read " + event.rows()
						+ " rows with no limit" + ((callSite != null) ? ", from `" + callSite + "`" : "")
						+ "; it reads more as the table grows.";
				String suggestion = "Page it: take a `Pageable` (returning `Page<T>`, or `Slice<T>` to skip the "
						+ "count) or a `Limit`, or use keyset pagination (`where e.id > :lastId order by e.id`, or "
						+ "Spring Data's `ScrollPosition`). To process every row, stream it: return `Stream<T>` "
						+ "from the repository, consume it inside a `@Transactional(readOnly = true)` method with a "
						+ "fetch size (`@QueryHints(@QueryHint(name = HibernateHints.HINT_FETCH_SIZE, value = "
						+ "\"500\"))`), and detach what you have processed.";
				findings.add(new Finding(FindingType.UNBOUNDED_RESULT, Severity.WARNING, message, query.fingerprint(),
						1, callSite, null, suggestion, List.of(event.index()), false));
			}
		}
		return findings;
	}

}
