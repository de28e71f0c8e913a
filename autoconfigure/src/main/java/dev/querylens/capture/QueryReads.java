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

	// Blocks of a few queries each, rows at 2 × i and bytes at 2 × i + 1 for the i-th
	// query of the block, made when a query of the block first reads: blocks, unlike one
	// array that doubles, are never copied, so a recording pays about one block per few
	// queries read.
	private static final int QUERIES_PER_BLOCK = 8;

	private long[][] blocks = new long[4][];

	// Only queries whose values were large enough to name a column: rare.
	private @Nullable Map<Integer, String> widestColumns;

	void add(int index, long rows, long bytes, @Nullable String widestColumn) {
		int block = index / QUERIES_PER_BLOCK;
		if (block >= this.blocks.length) {
			this.blocks = Arrays.copyOf(this.blocks, Math.max(block + 1, 2 * this.blocks.length));
		}
		long[] reads = this.blocks[block];
		if (reads == null) {
			reads = new long[2 * QUERIES_PER_BLOCK];
			this.blocks[block] = reads;
		}
		int at = 2 * (index % QUERIES_PER_BLOCK);
		reads[at] += rows;
		reads[at + 1] += bytes;
		if (widestColumn != null) {
			if (this.widestColumns == null) {
				this.widestColumns = new HashMap<>();
			}
			this.widestColumns.put(index, widestColumn);
		}
	}

	long rows(int index) {
		return read(index, 0);
	}

	long bytes(int index) {
		return read(index, 1);
	}

	private long read(int index, int which) {
		int block = index / QUERIES_PER_BLOCK;
		long[] reads = (block < this.blocks.length) ? this.blocks[block] : null;
		return (reads != null) ? reads[2 * (index % QUERIES_PER_BLOCK) + which] : 0;
	}

	@Nullable String widestColumn(int index) {
		return (this.widestColumns != null) ? this.widestColumns.get(index) : null;
	}

}
