package dev.querylens.analysis;

import java.time.Duration;

/**
 * The thresholds of the built-in detectors.
 *
 * @param nPlusOneThreshold similar SELECTs from one call site that make an N+1, at least
 * 2
 * @param batchableWritesThreshold single-row writes of one shape in one run of writes
 * that make {@code BATCHABLE_WRITES}, at least 2
 * @param unboundedResultRows rows past which a SELECT without a limit is
 * {@code UNBOUNDED_RESULT}
 * @param slowQueryThreshold time past which a statement is {@code SLOW_QUERY}
 * @param wideRowsBytesPerRow average size read per row from which a SELECT of enough rows
 * is {@code WIDE_ROWS}
 * @param wideRowsMinRows rows a SELECT must read to be {@code WIDE_ROWS}
 * @param openInView the application's {@code spring.jpa.open-in-view}, which
 * {@code LAZY_LOAD_IN_VIEW} names
 */
public record DetectorSettings(int nPlusOneThreshold, int batchableWritesThreshold, long unboundedResultRows,
		Duration slowQueryThreshold, long wideRowsBytesPerRow, long wideRowsMinRows, OpenInView openInView) {

	/** Single-row writes of one shape that make a batchable loop by default. */
	public static final int DEFAULT_BATCHABLE_WRITES_THRESHOLD = 5;

	/** Rows past which an unbounded SELECT is reported by default. */
	public static final long DEFAULT_UNBOUNDED_RESULT_ROWS = 1000;

	/** Time past which a statement is slow by default. */
	public static final Duration DEFAULT_SLOW_QUERY_THRESHOLD = Duration.ofMillis(500);

	public DetectorSettings {
		if (slowQueryThreshold == null) {
			slowQueryThreshold = DEFAULT_SLOW_QUERY_THRESHOLD;
		}
		if (openInView == null) {
			openInView = OpenInView.ON_BY_DEFAULT;
		}
	}

	/**
	 * Creates settings for an application that leaves {@code spring.jpa.open-in-view} at
	 * its default.
	 * @param nPlusOneThreshold similar SELECTs from one call site that make an N+1
	 * @param batchableWritesThreshold single-row writes of one shape that make
	 * {@code BATCHABLE_WRITES}
	 * @param unboundedResultRows rows past which a SELECT without a limit is
	 * {@code UNBOUNDED_RESULT}
	 * @param slowQueryThreshold time past which a statement is {@code SLOW_QUERY}
	 * @param wideRowsBytesPerRow average size read per row from which a SELECT of enough
	 * rows is {@code WIDE_ROWS}
	 * @param wideRowsMinRows rows a SELECT must read to be {@code WIDE_ROWS}
	 */
	public DetectorSettings(int nPlusOneThreshold, int batchableWritesThreshold, long unboundedResultRows,
			Duration slowQueryThreshold, long wideRowsBytesPerRow, long wideRowsMinRows) {
		this(nPlusOneThreshold, batchableWritesThreshold, unboundedResultRows, slowQueryThreshold, wideRowsBytesPerRow,
				wideRowsMinRows, OpenInView.ON_BY_DEFAULT);
	}

	/**
	 * Creates settings with the default {@code WIDE_ROWS} thresholds.
	 * @param nPlusOneThreshold similar SELECTs from one call site that make an N+1
	 * @param batchableWritesThreshold single-row writes of one shape that make
	 * {@code BATCHABLE_WRITES}
	 * @param unboundedResultRows rows past which a SELECT without a limit is
	 * {@code UNBOUNDED_RESULT}
	 * @param slowQueryThreshold time past which a statement is {@code SLOW_QUERY}
	 */
	public DetectorSettings(int nPlusOneThreshold, int batchableWritesThreshold, long unboundedResultRows,
			Duration slowQueryThreshold) {
		this(nPlusOneThreshold, batchableWritesThreshold, unboundedResultRows, slowQueryThreshold,
				WideRowsDetector.DEFAULT_BYTES_PER_ROW, WideRowsDetector.DEFAULT_MIN_ROWS);
	}

	/**
	 * Returns the defaults.
	 * @return the default settings
	 */
	public static DetectorSettings defaults() {
		return new DetectorSettings(NPlusOneDetector.DEFAULT_THRESHOLD, DEFAULT_BATCHABLE_WRITES_THRESHOLD,
				DEFAULT_UNBOUNDED_RESULT_ROWS, DEFAULT_SLOW_QUERY_THRESHOLD);
	}

	/**
	 * Returns these settings with another N+1 threshold.
	 * @param threshold the threshold
	 * @return the settings
	 */
	public DetectorSettings withNPlusOneThreshold(int threshold) {
		return new DetectorSettings(threshold, this.batchableWritesThreshold, this.unboundedResultRows,
				this.slowQueryThreshold, this.wideRowsBytesPerRow, this.wideRowsMinRows, this.openInView);
	}

	/**
	 * Returns these settings for an application with this
	 * {@code spring.jpa.open-in-view}.
	 * @param openInView the setting
	 * @return the settings
	 */
	public DetectorSettings withOpenInView(OpenInView openInView) {
		return new DetectorSettings(this.nPlusOneThreshold, this.batchableWritesThreshold, this.unboundedResultRows,
				this.slowQueryThreshold, this.wideRowsBytesPerRow, this.wideRowsMinRows, openInView);
	}

}
