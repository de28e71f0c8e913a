package dev.querylens.capture;

/**
 * What a {@link Recording} covers.
 */
public enum Kind {

	/** One HTTP request. */
	HTTP,

	/** A block recorded by a test. */
	TEST,

	/** A named block of background work. */
	TASK

}
