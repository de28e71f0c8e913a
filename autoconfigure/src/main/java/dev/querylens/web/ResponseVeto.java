package dev.querylens.web;

import dev.querylens.analysis.AnalyzedRecording;

/**
 * Consulted by the {@link RecordingFilter} once a request's recording is analysed and
 * before its held-back response leaves: a veto replaces the response with a 500 whose
 * body gives the reason. Behind {@code querylens.n-plus-one.action=fail}.
 */
@FunctionalInterface
public interface ResponseVeto {

	/**
	 * Decides whether a response must fail.
	 * @param recording the request's analysed recording
	 * @return the reason, shown in the 500's body, or {@code null} to let the response
	 * through
	 */
	String veto(AnalyzedRecording recording);

}
