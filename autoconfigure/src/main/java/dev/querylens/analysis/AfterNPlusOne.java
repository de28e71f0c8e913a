package dev.querylens.analysis;

import java.util.List;
import java.util.Set;

/**
 * A detector whose findings are judged again once every detector ran, since only then is
 * it known which loops are N+1s: a finding that only repeats an N+1's loop in other terms
 * (its connections, its transactions) is dropped, as one query instead of the loop fixes
 * both. The repeats of a view finding ({@code QUERY_IN_VIEW}, {@code LAZY_LOAD_IN_VIEW}:
 * a formatter that queries for each option) count as such a loop.
 */
interface AfterNPlusOne {

	/**
	 * Returns the findings without those of this detector that only repeat an N+1.
	 * @param findings every detector's findings
	 * @param inAnNPlusOne the indexes of the statements of every N+1 and of every view
	 * finding of repeats, not empty
	 * @param groups the recording's queries
	 * @return the findings kept
	 */
	List<Finding> withoutTheLoopsOfAnNPlusOne(List<Finding> findings, Set<Integer> inAnNPlusOne, QueryGroups groups);

}
