package dev.querylens.demo.lessons;

/**
 * What a variant measures of itself where QueryLens cannot: the most entities it held at
 * once.
 */
public final class VariantMeasures {

	private long peakRows = -1;

	/**
	 * Notes how many rows the variant holds now.
	 * @param rows the rows held
	 */
	public void holding(long rows) {
		this.peakRows = Math.max(this.peakRows, rows);
	}

	/**
	 * Returns the most rows held at once.
	 * @return the peak, or -1 when the variant did not say
	 */
	public long peakRows() {
		return this.peakRows;
	}

}
