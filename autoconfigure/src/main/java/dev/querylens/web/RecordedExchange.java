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

	private final Recording recording;

	private @Nullable Boolean kept;

	private @Nullable AnalyzedRecording analyzed;

	RecordedExchange(HttpServletRequest request, HttpServletResponse response, Recording recording) {
		this.request = request;
		this.response = response;
		this.recording = recording;
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

	Recording recording() {
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

	void finished(boolean kept, @Nullable AnalyzedRecording analyzed) {
		this.kept = kept;
		this.analyzed = analyzed;
	}

}
