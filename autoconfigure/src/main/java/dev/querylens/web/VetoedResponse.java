package dev.querylens.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

import dev.querylens.analysis.AnalyzedRecording;

/**
 * Replaces the held-back response with a 500 giving the {@link ResponseVeto}'s reason.
 * Holds every body, so that even a flushed one can still be replaced; a response that was
 * committed anyway (past the buffer's limit) fails the request with the reason instead,
 * on purpose.
 */
final class VetoedResponse implements ResponseDecorator {

	private final ResponseVeto veto;

	private final TimingHeaders headers;

	VetoedResponse(ResponseVeto veto, TimingHeaders headers) {
		this.veto = veto;
		this.headers = headers;
	}

	@Override
	public boolean holdsBody(RecordedExchange exchange) {
		return true;
	}

	@Override
	public void finish(RecordedExchange exchange, BufferedResponse body) throws IOException, ServletException {
		AnalyzedRecording analyzed = exchange.analyzed();
		String reason = (analyzed != null) ? this.veto.veto(analyzed) : null;
		if (reason == null) {
			return;
		}
		if (body.isCommitted()) {
			throw new ServletException(reason + "\n(The response was already committed, so it could not be replaced.)");
		}
		body.reset();
		HttpServletResponse response = exchange.response();
		response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
		if (this.headers.identifies(exchange)) {
			response.setHeader(RecordingFilter.ID_HEADER, exchange.started().getId());
		}
		response.setContentType("text/plain;charset=UTF-8");
		byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
		response.flushBuffer();
	}

}
