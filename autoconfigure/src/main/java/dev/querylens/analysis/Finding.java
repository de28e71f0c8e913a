package dev.querylens.analysis;

import java.util.List;

/**
 * A costly pattern found in a recording, with the fix.
 *
 * @param type what was found
 * @param severity how much it matters
 * @param message one sentence for a person: what repeated, how often, from where
 * @param fingerprint the shape of the statement concerned
 * @param count for {@code N_PLUS_ONE} the repeated statements (exact repeats included), for
 * {@code DUPLICATE_QUERY} the executions of the repeated statement or unit of statements including the first,
 * otherwise the statements covered
 * @param callSite where in application code it came from, or {@code null}
 * @param association the JPA association behind it ({@code Order.customer}), or {@code null}
 * @param suggestion the fix, in JPA terms
 * @param queryIndexes indexes of the queries it covers
 * @param ignored whether an ignore rule silenced it
 */
public record Finding(FindingType type, Severity severity, String message, String fingerprint, int count,
		String callSite, String association, String suggestion, List<Integer> queryIndexes, boolean ignored) {

	public Finding {
		queryIndexes = List.copyOf(queryIndexes);
	}

}
