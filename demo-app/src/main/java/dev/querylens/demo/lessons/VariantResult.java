package dev.querylens.demo.lessons;

import java.util.List;

import dev.querylens.analysis.Finding;

/**
 * A variant as one real request measured it: the numbers QueryLens recorded, and what the
 * variant measured of itself.
 *
 * @param variant the variant
 * @param status the HTTP status of its request
 * @param recordingId the QueryLens recording's id
 * @param statements statements executed
 * @param dbMillis time spent executing them
 * @param requestMillis the request's duration
 * @param rows rows read or written, summed over the statements
 * @param allocatedBytes heap allocated by the thread while the variant ran
 * @param peakRows most entities held at once, or -1 where the lesson does not measure it
 * @param acquisitionMillis time spent getting connections, as QueryLens recorded it, or
 * -1 without a recording
 * @param findings what QueryLens found
 * @param body the data the variant returned, as JSON
 * @param sameDataAsSlow whether that data equals the slow variant's
 */
public record VariantResult(Lesson.Variant variant, int status, String recordingId, int statements, double dbMillis,
		double requestMillis, long rows, long allocatedBytes, long peakRows, double acquisitionMillis,
		List<Finding> findings, String body, boolean sameDataAsSlow) {

	/**
	 * Whether this variant spent more DB time or allocated more heap than another.
	 * @param other the variant to compare with, the slow one
	 * @return whether either number is higher
	 */
	public boolean costsMoreThan(VariantResult other) {
		return this.dbMillis > other.dbMillis || this.allocatedBytes > other.allocatedBytes;
	}

}
