package dev.querylens.analysis;

import java.util.List;

/**
 * A costly pattern found in a recording, with the fix.
 *
 * @param type what was found
 * @param severity how much it matters
 * @param message one sentence for a person: what repeated, how often, from where
 * @param fingerprint the shape of the statement concerned
 * @param count for {@code N_PLUS_ONE} the repeated statements (exact repeats included),
 * for {@code DUPLICATE_QUERY} the executions of the repeated statement or unit of
 * statements including the first, otherwise the statements covered
 * @param callSite where in application code it came from, or {@code null}
 * @param association the JPA association behind it ({@code Order.customer}), or
 * {@code null}
 * @param suggestion the fix, in JPA terms
 * @param queryIndexes indexes of the queries it covers
 * @param ignored whether an ignore rule silenced it
 */
public record Finding(FindingType type, Severity severity, String message, String fingerprint, int count,
		String callSite, String association, String suggestion, List<Integer> queryIndexes, boolean ignored) {

	public Finding {
		queryIndexes = List.copyOf(queryIndexes);
	}

	/**
	 * Whether this finding is of a type, or contains a finding of it: an N+1 whose
	 * repeats all ran in the view is folded into the view's finding
	 * ({@code QUERY_IN_VIEW} or {@code LAZY_LOAD_IN_VIEW}), which is then an
	 * {@link Severity#ERROR error} (it is a note or a warning otherwise), so that what
	 * fails or logs on N+1s still does.
	 * @param type the type
	 * @return whether the finding is of the type or contains one
	 */
	public boolean is(FindingType type) {
		if (this.type == type) {
			return true;
		}
		return type == FindingType.N_PLUS_ONE && this.severity == Severity.ERROR
				&& (this.type == FindingType.QUERY_IN_VIEW || this.type == FindingType.LAZY_LOAD_IN_VIEW);
	}

	/**
	 * Whether this finding is of, or contains a finding of, any of these types
	 * ({@link #is(FindingType)}).
	 * @param types the types
	 * @return whether it is of one of them
	 */
	public boolean isAny(List<FindingType> types) {
		for (FindingType candidate : types) {
			if (is(candidate)) {
				return true;
			}
		}
		return false;
	}

}
