package dev.querylens.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import dev.querylens.analysis.AnalyzedRecording;

/**
 * Keeps the most recent recordings in memory, dropping the oldest first: bounded both in the number of recordings
 * and in the heap they hold. Each recording's size is estimated once, when it is added (two bytes per character of
 * the strings it keeps and a fixed allowance per object; see {@link #getSize()}). The newest recording is kept even
 * when it alone is larger than the budget, so that the request just made can always be shown.
 */
public final class InMemoryRecordingStore implements RecordingStore {

	/** Budget used when none is given: 64 MB. */
	public static final long DEFAULT_MAX_SIZE = 64L * 1024 * 1024;

	private final int capacity;

	private final long maxSize;

	// Guarded by itself, newest first.
	private final Deque<Stored> recordings;

	private volatile long size;

	/**
	 * Creates a store with the {@link #DEFAULT_MAX_SIZE default budget}.
	 * @param capacity how many recordings to keep, at least 1
	 */
	public InMemoryRecordingStore(int capacity) {
		this(capacity, DEFAULT_MAX_SIZE);
	}

	/**
	 * Creates a store.
	 * @param capacity how many recordings to keep, at least 1
	 * @param maxSize the estimated bytes the recordings kept may hold together, at least 1
	 */
	public InMemoryRecordingStore(int capacity, long maxSize) {
		if (capacity < 1) {
			throw new IllegalArgumentException("'capacity' must be at least 1, was " + capacity);
		}
		if (maxSize < 1) {
			throw new IllegalArgumentException("'maxSize' must be at least 1, was " + maxSize);
		}
		this.capacity = capacity;
		this.maxSize = maxSize;
		this.recordings = new ArrayDeque<>(Math.min(capacity, 1024));
	}

	@Override
	public void add(AnalyzedRecording recording) {
		// Estimated outside the lock: it reads every string the recording keeps.
		Stored stored = new Stored(recording, RecordingSize.estimate(recording));
		synchronized (this.recordings) {
			long total = this.size;
			while (!this.recordings.isEmpty()
					&& (this.recordings.size() >= this.capacity || total + stored.size() > this.maxSize)) {
				total -= this.recordings.removeLast().size();
			}
			this.recordings.addFirst(stored);
			this.size = total + stored.size();
		}
	}

	@Override
	public List<AnalyzedRecording> findAll() {
		synchronized (this.recordings) {
			List<AnalyzedRecording> all = new ArrayList<>(this.recordings.size());
			for (Stored stored : this.recordings) {
				all.add(stored.recording());
			}
			return List.copyOf(all);
		}
	}

	@Override
	public Optional<AnalyzedRecording> findById(String id) {
		synchronized (this.recordings) {
			for (Stored stored : this.recordings) {
				if (stored.recording().recording().getId().equals(id)) {
					return Optional.of(stored.recording());
				}
			}
			return Optional.empty();
		}
	}

	@Override
	public void clear() {
		synchronized (this.recordings) {
			this.recordings.clear();
			this.size = 0;
		}
	}

	/**
	 * Returns how many recordings this store keeps at most.
	 * @return the capacity
	 */
	public int getCapacity() {
		return this.capacity;
	}

	/**
	 * Returns the estimated bytes the recordings kept may hold together.
	 * @return the budget
	 */
	public long getMaxSize() {
		return this.maxSize;
	}

	/**
	 * Returns the estimated heap held by the recordings kept: per recording, two bytes per character of each string
	 * it keeps (SQL, fingerprints, parameters, finding messages, errors) and a fixed allowance per object, counted
	 * when it was added. Strings shared with the application, such as thread names and call sites' frames, are not
	 * counted.
	 * @return the estimate in bytes
	 */
	public long getSize() {
		return this.size;
	}

	/**
	 * Returns how many recordings are kept.
	 * @return the number of recordings
	 */
	public int getCount() {
		synchronized (this.recordings) {
			return this.recordings.size();
		}
	}

	private record Stored(AnalyzedRecording recording, long size) {
	}

}
