package dev.querylens.analysis;

/**
 * How much a finding matters. The JSON shows the lower-case name.
 */
public enum Severity {

	/** Worth knowing. */
	INFO,

	/** Costs time on every request. */
	WARNING,

	/** Grows with the data: fix before it reaches production. */
	ERROR

}
