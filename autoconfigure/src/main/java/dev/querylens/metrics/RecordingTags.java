package dev.querylens.metrics;

import java.util.Set;

import io.micrometer.core.instrument.Tags;

import dev.querylens.capture.Recording;

/**
 * The low-cardinality tags of a finished HTTP recording: {@code method}, {@code pattern},
 * {@code status} and {@code outcome}, with the values Boot gives the same tags of
 * {@code http.server.requests} (only its {@code uri} is named {@code pattern} here).
 * Never the raw URI, SQL or parameters, so the number of time series stays bounded by the
 * application's handlers.
 */
public final class RecordingTags {

	/** Value of a tag whose source is unknown. */
	public static final String UNKNOWN = "UNKNOWN";

	// A client may send any method name; only these become tag values.
	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	private RecordingTags() {
	}

	/**
	 * Returns the tags of a finished recording.
	 * @param recording the recording
	 * @return {@code method}, {@code pattern}, {@code status} and {@code outcome}
	 */
	public static Tags of(Recording recording) {
		return Tags.of("method", method(recording), "pattern", pattern(recording), "status", status(recording),
				"outcome", outcome(recording));
	}

	/**
	 * Returns the {@code method} tag: a standard HTTP method, or {@value #UNKNOWN}.
	 * @param recording the recording
	 * @return the value
	 */
	public static String method(Recording recording) {
		String method = recording.getMethod();
		return (method != null && METHODS.contains(method)) ? method : UNKNOWN;
	}

	/**
	 * Returns the {@code pattern} tag: the matched handler pattern; without one,
	 * {@code NOT_FOUND} for a 404, {@code REDIRECTION} for a 3xx, else {@value #UNKNOWN}
	 * (the values Boot's {@code uri} tag uses).
	 * @param recording the recording
	 * @return the value
	 */
	public static String pattern(Recording recording) {
		String pattern = recording.getPattern();
		if (pattern != null && !pattern.isEmpty()) {
			return pattern;
		}
		int status = recording.getStatus();
		if (status == 404) {
			return "NOT_FOUND";
		}
		return (status >= 300 && status < 400) ? "REDIRECTION" : UNKNOWN;
	}

	/**
	 * Returns the {@code status} tag: the response's status code, such as {@code 200}, or
	 * {@value #UNKNOWN} for a value outside 100 to 599.
	 * @param recording the recording
	 * @return the value
	 */
	public static String status(Recording recording) {
		int status = recording.getStatus();
		return (status >= 100 && status < 600) ? Integer.toString(status) : UNKNOWN;
	}

	/**
	 * Returns the {@code outcome} tag, the status code's class as Boot names it:
	 * {@code INFORMATIONAL}, {@code SUCCESS}, {@code REDIRECTION}, {@code CLIENT_ERROR},
	 * {@code SERVER_ERROR}, or {@value #UNKNOWN}.
	 * @param recording the recording
	 * @return the value
	 */
	public static String outcome(Recording recording) {
		int status = recording.getStatus();
		if (status < 100 || status >= 600) {
			return UNKNOWN;
		}
		return switch (status / 100) {
			case 1 -> "INFORMATIONAL";
			case 2 -> "SUCCESS";
			case 3 -> "REDIRECTION";
			case 4 -> "CLIENT_ERROR";
			default -> "SERVER_ERROR";
		};
	}

}
