package dev.querylens.test;

import java.util.List;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.StatementType;

/**
 * Assertions on a recording that need no assertion library: each throws an
 * {@link AssertionError} whose message lists the statements (SQL, parameters, time, call
 * site) and the findings (call site and fix). With AssertJ, {@link RecordingAssert}
 * offers the same checks fluently.
 */
public final class QueryLensAssertions {

	private QueryLensAssertions() {
	}

	/**
	 * Asserts the exact number of statements, as Django's {@code assertNumQueries}.
	 * @param recording the recording
	 * @param expected the number of statements (a JDBC batch counts once)
	 */
	public static void assertQueryCount(AnalyzedRecording recording, int expected) {
		fail(checkQueryCount(recording, expected));
	}

	/**
	 * Asserts the exact number of statements of one type.
	 * @param recording the recording
	 * @param type the type, read from each statement's fingerprint
	 * @param expected the number of statements of that type
	 */
	public static void assertQueryCount(AnalyzedRecording recording, StatementType type, int expected) {
		fail(checkQueryCount(recording, type, expected));
	}

	/**
	 * Asserts the exact number of SELECT statements ({@code WITH … SELECT} included).
	 * @param recording the recording
	 * @param expected the number of selects
	 */
	public static void assertSelectCount(AnalyzedRecording recording, int expected) {
		assertQueryCount(recording, StatementType.SELECT, expected);
	}

	/**
	 * Asserts that at most this many statements ran.
	 * @param recording the recording
	 * @param max the most statements allowed
	 */
	public static void assertAtMostQueries(AnalyzedRecording recording, int max) {
		fail(checkAtMostQueries(recording, null, max));
	}

	/**
	 * Asserts that the recording has no active finding.
	 * @param recording the recording
	 */
	public static void assertNoFindings(AnalyzedRecording recording) {
		fail(checkNoFinding(recording, List.of()));
	}

	/**
	 * Asserts that the recording has no active finding of these types.
	 * @param recording the recording
	 * @param types the types that must not occur
	 */
	public static void assertNoFinding(AnalyzedRecording recording, FindingType... types) {
		fail(checkNoFinding(recording, List.of(types)));
	}

	/**
	 * Asserts that the recording has an active finding of this type.
	 * @param recording the recording
	 * @param type the type that must occur
	 */
	public static void assertFinding(AnalyzedRecording recording, FindingType type) {
		fail(checkFinding(recording, type));
	}

	static String checkQueryCount(AnalyzedRecording recording, int expected) {
		int actual = recording.recording().getQueryCount();
		if (actual == expected) {
			return null;
		}
		return "Expected " + queries(expected, null) + " but " + RecordingDescription.describe(recording);
	}

	static String checkQueryCount(AnalyzedRecording recording, StatementType type, int expected) {
		int actual = RecordingDescription.count(recording, type);
		if (actual == expected) {
			return null;
		}
		return "Expected " + queries(expected, type) + " but found " + actual + ": "
				+ RecordingDescription.describe(recording);
	}

	static String checkAtMostQueries(AnalyzedRecording recording, StatementType type, int max) {
		int actual = (type != null) ? RecordingDescription.count(recording, type)
				: recording.recording().getQueryCount();
		if (actual <= max) {
			return null;
		}
		return "Expected at most " + queries(max, type) + " but found " + actual + ": "
				+ RecordingDescription.describe(recording);
	}

	static String checkAtLeastQueries(AnalyzedRecording recording, StatementType type, int min) {
		int actual = (type != null) ? RecordingDescription.count(recording, type)
				: recording.recording().getQueryCount();
		if (actual >= min) {
			return null;
		}
		return "Expected at least " + queries(min, type) + " but found " + actual + ": "
				+ RecordingDescription.describe(recording);
	}

	static String checkNoFinding(AnalyzedRecording recording, List<FindingType> types) {
		List<Finding> found = recording.activeFindings()
			.stream()
			.filter((finding) -> types.isEmpty() || finding.isAny(types))
			.toList();
		if (found.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder("Expected no ")
			.append(types.isEmpty() ? "findings" : types + " findings")
			.append(" but found ")
			.append(found.size())
			.append(':');
		for (Finding finding : found) {
			text.append("\n  ").append(RecordingDescription.describe(finding));
		}
		text.append("\nin ").append(RecordingDescription.describe(recording));
		return text.toString();
	}

	static String checkFinding(AnalyzedRecording recording, FindingType type) {
		if (recording.hasFinding(type)) {
			return null;
		}
		return "Expected a " + type + " finding but found none in " + RecordingDescription.describe(recording);
	}

	private static String queries(int count, StatementType type) {
		String kind = (type != null) ? type.name() + " " : "";
		return count + " " + kind + ((count == 1) ? "query" : "queries");
	}

	static void fail(String message) {
		if (message != null) {
			throw new AssertionError(message);
		}
	}

}
