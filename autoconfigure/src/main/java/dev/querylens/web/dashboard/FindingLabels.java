package dev.querylens.web.dashboard;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;

/**
 * How the pages name findings and times: {@code N+1}, {@code duplicates},
 * {@code slow query}; {@code 2.1 ms}, {@code 12 ms}.
 */
final class FindingLabels {

	private FindingLabels() {
	}

	/**
	 * The kinds of the findings that are not ignored, each once, in order.
	 * @param analyzed the recording
	 * @return their labels
	 */
	static List<String> of(AnalyzedRecording analyzed) {
		Set<String> types = new LinkedHashSet<>();
		for (Finding finding : analyzed.activeFindings()) {
			types.add(label(finding.type().name()));
		}
		return List.copyOf(types);
	}

	private static String label(String type) {
		return switch (type) {
			case "N_PLUS_ONE" -> "N+1";
			case "DUPLICATE_QUERY" -> "duplicates";
			default -> type.toLowerCase(Locale.ROOT).replace('_', ' ');
		};
	}

	/**
	 * A time as the pages show it: one decimal below 10 ms.
	 * @param millis the time in milliseconds
	 * @return e.g. {@code 2.1 ms}
	 */
	static String millis(double millis) {
		return String.format(Locale.ROOT, (millis < 10) ? "%.1f ms" : "%.0f ms", millis);
	}

}
