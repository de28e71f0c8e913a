package dev.querylens.store;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import dev.querylens.analysis.AnalyzedRecording;

/**
 * Keeps the most recent recordings in memory, dropping the oldest first.
 */
public final class InMemoryRecordingStore implements RecordingStore {

	private final int capacity;

	private final Deque<AnalyzedRecording> recordings;

	/**
	 * Creates a store.
	 * @param capacity how many recordings to keep, at least 1
	 */
	public InMemoryRecordingStore(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("'capacity' must be at least 1, was " + capacity);
		}
		this.capacity = capacity;
		this.recordings = new ArrayDeque<>(Math.min(capacity, 1024));
	}

	@Override
	public void add(AnalyzedRecording recording) {
		synchronized (this.recordings) {
			while (this.recordings.size() >= this.capacity) {
				this.recordings.removeLast();
			}
			this.recordings.addFirst(recording);
		}
	}

	@Override
	public List<AnalyzedRecording> findAll() {
		synchronized (this.recordings) {
			return List.copyOf(new ArrayList<>(this.recordings));
		}
	}

	@Override
	public Optional<AnalyzedRecording> findById(String id) {
		synchronized (this.recordings) {
			for (AnalyzedRecording recording : this.recordings) {
				if (recording.recording().getId().equals(id)) {
					return Optional.of(recording);
				}
			}
			return Optional.empty();
		}
	}

	@Override
	public void clear() {
		synchronized (this.recordings) {
			this.recordings.clear();
		}
	}

	/**
	 * Returns how many recordings this store keeps at most.
	 * @return the capacity
	 */
	public int getCapacity() {
		return this.capacity;
	}

}
