package dev.querylens.capture;

/**
 * How much effort goes into finding where a query came from.
 */
public enum CallSiteMode {

	/** The first application frame, for the first few executions of each statement. */
	FIRST_APP_FRAME,

	/**
	 * The first application frame, for every execution (slower on pages with many
	 * queries).
	 */
	FULL,

	/** No call sites. */
	NONE

}
