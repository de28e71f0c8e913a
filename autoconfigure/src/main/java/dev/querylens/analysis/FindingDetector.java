package dev.querylens.analysis;

import java.util.List;

/**
 * Finds one type of costly pattern in the grouped queries of a finished recording.
 * Implementations are pure and stateless between calls, so one instance serves every
 * recording concurrently.
 * <p>
 * The extension point for an application's own rules: every {@code FindingDetector} bean
 * runs after the built-in detectors, on every recording, and its findings are shown,
 * logged, ignored and failed on like theirs (see {@code docs/findings.md}). A detector
 * that throws is logged once and skipped; the request it analyses is never affected.
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
