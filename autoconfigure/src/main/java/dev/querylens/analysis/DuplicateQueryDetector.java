package dev.querylens.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.querylens.capture.CallSite;

/**
 * Finds statements run more than once with the same SQL and the same parameters in one
 * recording: work whose result the application already had. Calls of a sequence ({@code next value for},
 * {@code nextval}) are not duplicates, since each returns a new value.
 */
public final class DuplicateQueryDetector implements FindingDetector {

	@Override
	public List<Finding> detect(QueryGroups groups) {
		Map<Integer, List<AnalyzedQuery>> byFirst = new LinkedHashMap<>();
		Map<Integer, AnalyzedQuery> byIndex = new LinkedHashMap<>();
		for (AnalyzedQuery query : groups.getQueries()) {
			byIndex.put(query.event().index(), query);
			if (query.duplicateOf() != null && !isSequenceCall(query.fingerprint())) {
				byFirst.computeIfAbsent(query.duplicateOf(), (first) -> {
					List<AnalyzedQuery> list = new ArrayList<>();
					list.add(byIndex.get(first));
					return list;
				}).add(query);
			}
		}
		List<Finding> findings = new ArrayList<>();
		for (List<AnalyzedQuery> queries : byFirst.values()) {
			findings.add(finding(queries));
		}
		return findings;
	}

	// A sequence gives a new value on every call, so calling it again is not repeated work (Hibernate's pooled
	// optimizer calls it twice on first use).
	static boolean isSequenceCall(String fingerprint) {
		return fingerprint.contains("next value for ") || fingerprint.contains("nextval(")
				|| fingerprint.contains("nextval (") || fingerprint.contains(".nextval");
	}

	private Finding finding(List<AnalyzedQuery> queries) {
		AnalyzedQuery first = queries.get(0);
		CallSite callSite = null;
		List<Integer> indexes = new ArrayList<>(queries.size());
		for (AnalyzedQuery query : queries) {
			indexes.add(query.event().index());
			if (callSite == null) {
				callSite = query.event().callSite();
			}
		}
		String message = "`" + NPlusOneDetector.shorten(first.fingerprint()) + "` ran " + queries.size()
				+ " times with the same parameters"
				+ ((callSite != null) ? ", first from `" + callSite + "`" : "") + ".";
		String suggestion = "Keep the result in a variable and pass it on instead of running the query again. "
				+ "Repeating `findById` for an entity already loaded in the same transaction is answered from the "
				+ "persistence context without SQL, but a JPQL or derived query always runs; outside a transaction "
				+ "(or with open-in-view off) each call has a new persistence context.";
		return new Finding(FindingType.DUPLICATE_QUERY, Severity.WARNING, message, first.fingerprint(),
				queries.size(), (callSite != null) ? callSite.toString() : null, null, suggestion, indexes, false);
	}

}
