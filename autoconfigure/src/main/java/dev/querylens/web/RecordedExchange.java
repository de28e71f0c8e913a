package dev.querylens.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.capture.Recording;

/**
 * A recorded request as the {@link ResponseDecorator}s see it.
 */
final class RecordedExchange {

	private final HttpServletRequest request;

	private final HttpServletResponse response;

	private final Recording.Started started;

	private @Nullable Recording recording;

	private @Nullable Boolean kept;

	private @Nullable AnalyzedRecording analyzed;

	RecordedExchange(HttpServletRequest request, HttpServletResponse response, Recording.Started started) {
		this.request = request;
		this.response = response;
		this.started = started;
	}

	HttpServletRequest request() {
		return this.request;
	}

	/**
	 * Returns the container's response, past any held-back body.
	 * @return the response
	 */
	HttpServletResponse response() {
		return this.response;
	}

	Recording.Started started() {
		return this.started;
	}

	@Nullable Recording recording() {
		return this.recording;
	}

	/**
	 * Whether the recording went to the store, once the request is done.
	 * @return whether it was kept, or {@code null} while the request runs
	 */
	@Nullable Boolean kept() {
		return this.kept;
	}

	/**
	 * Returns the analysed recording, once stored.
	 * @return the analysis, or {@code null} while the request runs or when the recording
	 * was not kept
	 */
	@Nullable AnalyzedRecording analyzed() {
		return this.analyzed;
	}

	void finished(@Nullable Recording recording, boolean kept, @Nullable AnalyzedRecording analyzed) {
		this.recording = recording;
		this.kept = kept;
		this.analyzed = analyzed;
	}

}
