package dev.querylens.jdbc;

import java.util.List;

import dev.querylens.capture.CallSiteMode;
import dev.querylens.capture.CallSiteResolver;

/**
 * What a {@link RecordingDataSource} captures besides the SQL and its timing.
 *
 * @param parameters whether bound parameter values are captured
 * @param maxParameterLength how many characters of a parameter's text are kept before it
 * is cut with "…"
 * @param callSites finds the application code behind each query
 */
public record JdbcCaptureSettings(boolean parameters, int maxParameterLength, CallSiteResolver callSites) {

	/** Characters of a parameter's text kept by default. */
	public static final int DEFAULT_MAX_PARAMETER_LENGTH = 200;

	/**
	 * Checks the settings.
	 * @param parameters whether bound parameter values are captured
	 * @param maxParameterLength characters of a parameter's text to keep, at least 1
	 * @param callSites finds the application code behind each query
	 */
	public JdbcCaptureSettings {
		if (maxParameterLength < 1) {
			throw new IllegalArgumentException("'maxParameterLength' must be at least 1, was " + maxParameterLength);
		}
		if (callSites == null) {
			throw new IllegalArgumentException("'callSites' must not be null");
		}
	}

	/**
	 * Returns the defaults: parameters captured and cut at
	 * {@value #DEFAULT_MAX_PARAMETER_LENGTH} characters, call sites captured for the
	 * first few executions of each statement.
	 * @return the default settings
	 */
	public static JdbcCaptureSettings defaults() {
		return new JdbcCaptureSettings(true, DEFAULT_MAX_PARAMETER_LENGTH,
				new CallSiteResolver(CallSiteMode.FIRST_APP_FRAME, List.of()));
	}

}
