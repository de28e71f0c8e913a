package dev.querylens.analysis;

import java.util.List;

/**
 * Finds one type of costly pattern in the grouped queries of a finished recording.
 * Implementations are pure and stateless between calls, so one instance serves every
 * recording concurrently.
 */
@FunctionalInterface
public interface FindingDetector {

	/**
	 * Returns the findings of this detector's type.
	 * @param groups the recording's queries with their fingerprints and groups
	 * @return the findings, possibly empty, never {@code null}
	 */
	List<Finding> detect(QueryGroups groups);

}
