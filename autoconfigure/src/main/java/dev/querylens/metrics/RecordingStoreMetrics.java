package dev.querylens.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.querylens.store.InMemoryRecordingStore;

/**
 * Gauges of the in-memory store of recordings: its estimated size in bytes, to compare
 * with {@code querylens.store.max-size}, and the number of recordings it keeps.
 */
public final class RecordingStoreMetrics implements MeterBinder {

	/** Gauge of the estimated heap held by the stored recordings. */
	public static final String SIZE = "querylens.store.size";

	/** Gauge of the number of stored recordings. */
	public static final String RECORDINGS = "querylens.store.recordings";

	private final InMemoryRecordingStore store;

	/**
	 * Creates the gauges' binder.
	 * @param store the store to measure
	 */
	public RecordingStoreMetrics(InMemoryRecordingStore store) {
		this.store = store;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(SIZE, this.store, InMemoryRecordingStore::getSize)
			.description("Estimated heap held by the recordings QueryLens keeps")
			.baseUnit("bytes")
			.register(registry);
		Gauge.builder(RECORDINGS, this.store, InMemoryRecordingStore::getCount)
			.description("Recordings QueryLens keeps")
			.baseUnit("recordings")
			.register(registry);
	}

}
