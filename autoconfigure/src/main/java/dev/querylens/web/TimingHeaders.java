package dev.querylens.web;

import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.querylens.capture.Recording;

/**
 * Sets the {@value RecordingFilter#ID_HEADER} and {@code Server-Timing} headers for the
 * clients allowed to see them: {@code db;dur=…;desc="N queries"} always, and, for a
 * recording that is kept, its id both as the header and as the
 * {@code querylens;desc="<id>"} metric. A page's script can read {@code Server-Timing} of
 * its own origin's responses from the browser's Resource Timing buffer, so the badge
 * finds every call of the page, those made before its script ran included.
 * <p>
 * The headers go out when the response starts (its first byte, or when the application
 * asks for the stream or writer of a response whose type is set), so they count the
 * statements run until then. A body is held for them only when its length is declared:
 * any other ends (its last chunk) only once the request returns, after the recording is
 * stored, so a client that has the whole body finds its recording (on the request
 * thread's analysis; in lean mode, which holds nothing, it arrives a moment later).
 */
final class TimingHeaders implements ResponseDecorator {

	private final Predicate<HttpServletRequest> headersFor;

	private final RecordedRequests recorded;

	TimingHeaders(Predicate<HttpServletRequest> headersFor, RecordedRequests recorded) {
		this.headersFor = headersFor;
		this.recorded = recorded;
	}

	// Where the toolbar is on, an allowed client's HTML page is held, so that its
	// Server-Timing counts the statements of the view too. A body of declared length is
	// complete for its client once its last byte is written, before the request ends: a
	// client that gets the id would have it before the recording is stored. Any other
	// body (JSON as a converter writes it) ends only when the container ends the
	// response.
	@Override
	public boolean holdsBody(RecordedExchange exchange) {
		HttpServletResponse response = exchange.response();
		String contentType = response.getContentType();
		boolean page = contentType != null && contentType.regionMatches(true, 0, "text/html", 0, 9);
		return (page || response.containsHeader("Content-Length")) && this.headersFor.test(exchange.request());
	}

	@Override
	public void beforeCommit(RecordedExchange exchange) {
		HttpServletResponse response = exchange.response();
		if (response.isCommitted() || !this.headersFor.test(exchange.request())) {
			return;
		}
		Recording.Started recording = exchange.started();
		int count = recording.getQueryCount();
		String millis = millis(recording.getQueryTimeNanos());
		// The db metric first, as before: a client reading the first Server-Timing header
		// still finds it.
		response.addHeader("Server-Timing",
				"db;dur=" + millis + ";desc=\"" + count + ((count == 1) ? " query\"" : " queries\""));
		if (isKept(exchange)) {
			response.setHeader(RecordingFilter.ID_HEADER, recording.getId());
			response.addHeader("Server-Timing", "querylens;desc=\"" + recording.getId() + "\"");
		}
	}

	// Milliseconds to one decimal, rounded half up as "%.1f" gives them, without a
	// Formatter per request.
	static String millis(long nanos) {
		long tenths = (Math.max(0, nanos) + 50_000) / 100_000;
		return (tenths / 10) + "." + (tenths % 10);
	}

	/**
	 * Whether the id goes out when the request failed and the container writes its error
	 * page past the held-back body.
	 * @param exchange the finished exchange
	 */
	void identifyFailure(RecordedExchange exchange) {
		if (Boolean.TRUE.equals(exchange.kept()) && this.headersFor.test(exchange.request())
				&& !exchange.response().isCommitted()) {
			exchange.response().setHeader(RecordingFilter.ID_HEADER, exchange.started().getId());
		}
	}

	boolean identifies(RecordedExchange exchange) {
		return this.headersFor.test(exchange.request());
	}

	// Known once the request is done; a response committed before that (flushed,
	// streamed, async) is judged on what
	// can no longer change: its status and handler, and the statements run so far, which
	// only grow.
	private boolean isKept(RecordedExchange exchange) {
		Boolean kept = exchange.kept();
		return (kept != null) ? kept : this.recorded.isKept(exchange.request(), exchange.response().getStatus(),
				exchange.started().getQueryCount());
	}

}
