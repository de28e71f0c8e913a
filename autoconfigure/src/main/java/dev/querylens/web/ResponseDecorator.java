package dev.querylens.web;

import java.io.IOException;

import jakarta.servlet.ServletException;

/**
 * One thing the {@link RecordingFilter} does to a recorded request's response: the timing
 * headers, the badge, the veto. The filter calls each in its own guard, so a decorator
 * that throws leaves the response as the application wrote it (and as the other
 * decorators made it): QueryLens's failure never reaches the application.
 */
interface ResponseDecorator {

	/**
	 * Whether this decorator needs the body held back until the request ends, asked at
	 * the first byte, when the content type is known. A body no decorator needs is never
	 * copied.
	 * @param exchange the request and response, the recording still running
	 * @return whether to hold the body
	 */
	default boolean holdsBody(RecordedExchange exchange) {
		return false;
	}

	/**
	 * Called once, just before the headers leave: the last moment to set one.
	 * @param exchange the request and response, the recording running or finished
	 */
	default void beforeCommit(RecordedExchange exchange) {
	}

	/**
	 * Called once the request is done, its recording finished and stored (when kept),
	 * before the held-back body leaves.
	 * @param exchange the request, the response and the recording
	 * @param body the held-back body, to rewrite or replace
	 * @throws IOException when the client went away
	 * @throws ServletException to fail the request on purpose (a veto that came too late
	 * to replace the response)
	 */
	default void finish(RecordedExchange exchange, BufferedResponse body) throws IOException, ServletException {
	}

}
