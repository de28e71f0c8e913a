package dev.querylens.report;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.capture.Recording;

/**
 * One recording in the list, as the JSON contract describes it.
 *
 * @param id the recording's id
 * @param kind {@code http}, {@code test} or {@code task}
 * @param method the HTTP method
 * @param uri the path, without the query string
 * @param query the query string, or {@code null}
 * @param pattern the matched handler pattern, or {@code null}
 * @param status the HTTP status
 * @param startedAt ISO-8601 start
 * @param durationMs the recording's duration
 * @param queryCount every statement executed
 * @param queryTimeMs time spent in statements
 * @param duplicateCount statements repeating an earlier one's SQL and parameters
 * @param similarCount statements repeating an earlier one's fingerprint with other
 * parameters
 * @param findingCount active findings
 * @param connectionCount connections taken from data sources
 * @param connectionAcquireMs time spent getting them (waiting for the pool, or
 * connecting)
 * @param connectionFailureCount {@code getConnection()} calls that failed, such as a pool
 * that timed out
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RecordingSummaryDescriptor(String id, String kind, String method, String uri, String query,
		String pattern, int status, String startedAt, double durationMs, int queryCount, double queryTimeMs,
		int duplicateCount, int similarCount, int findingCount, int connectionCount, double connectionAcquireMs,
		int connectionFailureCount) {

	public static RecordingSummaryDescriptor of(AnalyzedRecording analyzed) {
		Recording recording = analyzed.recording();
		return new RecordingSummaryDescriptor(recording.getId(), recording.getKind().name().toLowerCase(Locale.ROOT),
				recording.getMethod(), recording.getUri(), recording.getQuery(), recording.getPattern(),
				recording.getStatus(), recording.getStartedAt().toString(), millis(recording.getDurationNanos()),
				recording.getQueryCount(), millis(recording.getQueryTimeNanos()), analyzed.duplicateCount(),
				analyzed.similarCount(), analyzed.activeFindings().size(), recording.getConnectionCount(),
				millis(recording.getConnectionAcquireNanos()), recording.getConnectionFailureCount());
	}

	public static double millis(long nanos) {
		return Math.round(nanos / 1_000.0) / 1_000.0;
	}

}
