package dev.querylens.analysis;

import java.util.List;

import dev.querylens.capture.Recording;

/**
 * A finished recording together with its analysis.
 *
 * @param recording the recording
 * @param queries the kept queries, analysed, in execution order
 * @param duplicateCount queries whose SQL and parameters repeat an earlier query's
 * @param similarCount queries whose fingerprint repeats an earlier query's with other
 * parameters
 * @param findings what is costly, most severe first
 */
public record AnalyzedRecording(Recording recording, List<AnalyzedQuery> queries, int duplicateCount, int similarCount,
		List<Finding> findings) {

	public AnalyzedRecording {
		queries = List.copyOf(queries);
		findings = List.copyOf(findings);
	}

	/**
	 * Returns the findings not silenced by an ignore rule.
	 * @return the active findings
	 */
	public List<Finding> activeFindings() {
		return this.findings.stream().filter((finding) -> !finding.ignored()).toList();
	}

	/**
	 * Whether an active finding of this type exists, or one that contains it
	 * ({@link Finding#is(FindingType)}).
	 * @param type the type
	 * @return whether it was found
	 */
	public boolean hasFinding(FindingType type) {
		return this.findings.stream().anyMatch((finding) -> !finding.ignored() && finding.is(type));
	}

}
