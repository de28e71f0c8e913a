package dev.querylens.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.querylens.capture.Recording;
import dev.querylens.orm.EntityLoads;
import dev.querylens.orm.LazyLoad;

/**
 * The lazy load that ran each statement of a recording, built once in time linear in the
 * statements loaded.
 */
final class LazyLoadIndex {

	private final Map<Integer, LazyLoad> byQueryIndex;

	private LazyLoadIndex(Map<Integer, LazyLoad> byQueryIndex) {
		this.byQueryIndex = byQueryIndex;
	}

	static LazyLoadIndex of(Recording recording) {
		List<LazyLoad> loads = EntityLoads.of(recording).lazyLoads();
		if (loads.isEmpty()) {
			return new LazyLoadIndex(Map.of());
		}
		Map<Integer, LazyLoad> byIndex = new HashMap<>();
		// Loads are recorded as they end, inner ones first, so the innermost load of a
		// statement wins.
		for (LazyLoad load : loads) {
			for (int i = 0; i < load.queryCount(); i++) {
				byIndex.putIfAbsent(load.firstQueryIndex() + i, load);
			}
		}
		return new LazyLoadIndex(byIndex);
	}

	boolean isEmpty() {
		return this.byQueryIndex.isEmpty();
	}

	/**
	 * Returns the innermost lazy load that ran a statement.
	 * @param queryIndex the statement's index
	 * @return the load, or {@code null} when the statement was not a lazy load's
	 */
	LazyLoad loadOf(int queryIndex) {
		return this.byQueryIndex.get(queryIndex);
	}

}
