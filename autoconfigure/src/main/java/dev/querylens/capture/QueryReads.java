package dev.querylens.capture;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the application read from its queries' results after they were recorded: rows, the
 * size of their values and the widest column, per query index. One per recording, shared
 * by its events, so that an event is made once, with final fields, when its statement
 * runs, and what its result set reads later costs no second object per query. Written
 * only by the running recording under its lock; never changes once the recording is
 * finished, which is before any event is seen.
 */
final class QueryReads {

	// Rows at 2 × index, bytes at 2 × index + 1.
	private long[] rowsAndBytes = new long[16];

	// Only queries whose values were large enough to name a column: rare.
	private @Nullable Map<Integer, String> widestColumns;

	void add(int index, long rows, long bytes, @Nullable String widestColumn) {
		int at = 2 * index;
		if (at + 1 >= this.rowsAndBytes.length) {
			this.rowsAndBytes = Arrays.copyOf(this.rowsAndBytes, Math.max(at + 2, 2 * this.rowsAndBytes.length));
		}
		this.rowsAndBytes[at] += rows;
		this.rowsAndBytes[at + 1] += bytes;
		if (widestColumn != null) {
			if (this.widestColumns == null) {
				this.widestColumns = new HashMap<>();
			}
			this.widestColumns.put(index, widestColumn);
		}
	}

	long rows(int index) {
		int at = 2 * index;
		return (at < this.rowsAndBytes.length) ? this.rowsAndBytes[at] : 0;
	}

	long bytes(int index) {
		int at = 2 * index + 1;
		return (at < this.rowsAndBytes.length) ? this.rowsAndBytes[at] : 0;
	}

	@Nullable String widestColumn(int index) {
		return (this.widestColumns != null) ? this.widestColumns.get(index) : null;
	}

}
