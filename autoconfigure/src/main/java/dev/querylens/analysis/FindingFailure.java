package dev.querylens.analysis;

import java.util.List;

/**
 * Decides whether a recording's findings must fail it, and says why: behind
 * {@code querylens.n-plus-one.action=fail}, which answers a request with an N+1 with a
 * 500 naming it. Production code, so it lives beside the findings rather than in the test
 * API, which writes its messages with the same {@link FindingText}.
 */
public final class FindingFailure {

	private final List<FindingType> types;

	/**
	 * Creates the check.
	 * @param types the finding types that fail a recording
	 */
	public FindingFailure(List<FindingType> types) {
		this.types = List.copyOf(types);
	}

	/**
	 * Returns why a recording fails.
	 * @param analyzed the analysed recording
	 * @return the message naming each failing finding, its call site and its fix, or
	 * {@code null} when none fails
	 */
	public String findFailure(AnalyzedRecording analyzed) {
		List<Finding> failing = analyzed.activeFindings()
			.stream()
			.filter((finding) -> finding.isAny(this.types))
			.toList();
		if (failing.isEmpty()) {
			return null;
		}
		StringBuilder message = new StringBuilder("QueryLens failed ").append(FindingText.nameOf(analyzed.recording()))
			.append(" (querylens.n-plus-one.action=fail): ")
			.append(failing.size())
			.append(" finding")
			.append((failing.size() == 1) ? "" : "s")
			.append(':');
		for (Finding finding : failing) {
			message.append("\n  ").append(FindingText.of(finding));
		}
		message.append('\n');
		return message.toString();
	}

}
