package dev.querylens.test;

import java.util.List;
import java.util.Locale;

import dev.querylens.analysis.AnalyzedQuery;
import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingText;
import dev.querylens.analysis.StatementType;
import dev.querylens.capture.QueryEvent;
import dev.querylens.capture.Recording;
import dev.querylens.capture.SqlTally;

/**
 * Writes a recording for a failure message: every statement with its parameters, time and
 * call site, and every finding with its call site and fix, as Django's
 * {@code assertNumQueries} lists the captured queries.
 */
final class RecordingDescription {

	// Enough to see the pattern of any N+1; the count is always exact.
	static final int MAX_LISTED = 50;

	private RecordingDescription() {
	}

	static String describe(AnalyzedRecording analyzed) {
		Recording recording = analyzed.recording();
		StringBuilder text = new StringBuilder();
		int count = recording.getQueryCount();
		text.append(count).append((count == 1) ? " query" : " queries").append(" ran in ").append(name(recording));
		appendQueries(text, analyzed);
		appendFindings(text, "Findings", analyzed.activeFindings());
		return text.toString();
	}

	static String name(Recording recording) {
		return FindingText.nameOf(recording);
	}

	static void appendQueries(StringBuilder text, AnalyzedRecording analyzed) {
		List<AnalyzedQuery> queries = analyzed.queries();
		int listed = Math.min(queries.size(), MAX_LISTED);
		for (int i = 0; i < listed; i++) {
			AnalyzedQuery query = queries.get(i);
			QueryEvent event = query.event();
			text.append("\n  ").append(event.index()).append(". ").append(event.sql());
			if (!event.parameters().isEmpty()) {
				text.append("  ").append(event.parameters());
			}
			if (event.batchSize() > 1) {
				text.append("  (batch of ").append(event.batchSize()).append(')');
			}
			text.append("  ").append(String.format(Locale.ROOT, "%.1f ms", event.durationNanos() / 1_000_000.0));
			if (event.callSite() != null) {
				text.append("  at ").append(event.callSite());
			}
			if (event.error() != null) {
				text.append("  failed: ").append(event.error());
			}
		}
		if (queries.size() > listed) {
			text.append("\n  … ").append(queries.size() - listed).append(" more");
		}
		for (SqlTally tally : analyzed.recording().getOverflow()) {
			text.append("\n  ").append(tally.count()).append(" × ").append(tally.sql()).append("  (past the limit)");
		}
	}

	static void appendFindings(StringBuilder text, String title, List<Finding> findings) {
		if (findings.isEmpty()) {
			text.append("\n").append(title).append(": none");
			return;
		}
		text.append("\n").append(title).append(':');
		for (Finding finding : findings) {
			text.append("\n  ").append(describe(finding));
		}
	}

	static String describe(Finding finding) {
		return FindingText.of(finding);
	}

	/**
	 * Counts the statements of one type, those kept in full and those past the limit.
	 */
	static int count(AnalyzedRecording analyzed, StatementType type) {
		int count = 0;
		for (AnalyzedQuery query : analyzed.queries()) {
			if (StatementType.ofFingerprint(query.fingerprint()) == type) {
				count++;
			}
		}
		for (SqlTally tally : analyzed.recording().getOverflow()) {
			if (StatementType.ofSql(tally.sql()) == type) {
				count += tally.count();
			}
		}
		return count;
	}

}
