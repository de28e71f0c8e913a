package dev.querylens.demo.lessons;

/**
 * What a variant measures of itself where QueryLens cannot: the most entities it held at once, and the time it
 * spent getting connections.
 */
public final class VariantMeasures {

	private long peakRows = -1;

	private long acquisitionNanos = -1;

	/**
	 * Notes how many rows the variant holds now.
	 * @param rows the rows held
	 */
	public void holding(long rows) {
		this.peakRows = Math.max(this.peakRows, rows);
	}

	/**
	 * Adds time spent in {@code DataSource.getConnection()}.
	 * @param nanos the time
	 */
	public void acquired(long nanos) {
		this.acquisitionNanos = Math.max(0, this.acquisitionNanos) + nanos;
	}

	/**
	 * Returns the most rows held at once.
	 * @return the peak, or -1 when the variant did not say
	 */
	public long peakRows() {
		return this.peakRows;
	}

	/**
	 * Returns the time spent getting connections.
	 * @return nanoseconds, or -1 when the variant did not say
	 */
	public long acquisitionNanos() {
		return this.acquisitionNanos;
	}

}
