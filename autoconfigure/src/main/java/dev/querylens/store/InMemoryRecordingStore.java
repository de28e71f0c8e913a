package dev.querylens.store;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.capture.Kind;

/**
 * Keeps the most recent recordings in memory, dropping the oldest first. Task recordings have a bound of their own,
 * so a job that runs every second cannot push the requests out.
 */
public final class InMemoryRecordingStore implements RecordingStore {

	private final int capacity;

	private final Deque<AnalyzedRecording> recordings;

	private final int taskCapacity;

	// Guarded by recordings, as the other deque.
	private final Deque<AnalyzedRecording> tasks;

	/**
	 * Creates a store that keeps as many task recordings as others.
	 * @param capacity how many recordings to keep, at least 1
	 */
	public InMemoryRecordingStore(int capacity) {
		this(capacity, capacity);
	}

	/**
	 * Creates a store.
	 * @param capacity how many recordings other than tasks to keep, at least 1
	 * @param taskCapacity how many task recordings to keep, at least 1
	 */
	public InMemoryRecordingStore(int capacity, int taskCapacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("'capacity' must be at least 1, was " + capacity);
		}
		if (taskCapacity < 1) {
			throw new IllegalArgumentException("'taskCapacity' must be at least 1, was " + taskCapacity);
		}
		this.capacity = capacity;
		this.recordings = new ArrayDeque<>(Math.min(capacity, 1024));
		this.taskCapacity = taskCapacity;
		this.tasks = new ArrayDeque<>(Math.min(taskCapacity, 1024));
	}

	@Override
	public void add(AnalyzedRecording recording) {
		boolean task = recording.recording().getKind() == Kind.TASK;
		Deque<AnalyzedRecording> deque = task ? this.tasks : this.recordings;
		int limit = task ? this.taskCapacity : this.capacity;
		synchronized (this.recordings) {
			while (deque.size() >= limit) {
				deque.removeLast();
			}
			deque.addFirst(recording);
		}
	}

	@Override
	public List<AnalyzedRecording> findAll() {
		synchronized (this.recordings) {
			if (this.tasks.isEmpty()) {
				return List.copyOf(new ArrayList<>(this.recordings));
			}
			// Each deque is newest first; merged by start, keeping each deque's own order.
			List<AnalyzedRecording> all = new ArrayList<>(this.recordings.size() + this.tasks.size());
			Iterator<AnalyzedRecording> others = this.recordings.iterator();
			Iterator<AnalyzedRecording> tasks = this.tasks.iterator();
			AnalyzedRecording other = next(others);
			AnalyzedRecording task = next(tasks);
			while (other != null || task != null) {
				if (task == null || (other != null
						&& !other.recording().getStartedAt().isBefore(task.recording().getStartedAt()))) {
					all.add(other);
					other = next(others);
				}
				else {
					all.add(task);
					task = next(tasks);
				}
			}
			return List.copyOf(all);
		}
	}

	private static @Nullable AnalyzedRecording next(Iterator<AnalyzedRecording> iterator) {
		return iterator.hasNext() ? iterator.next() : null;
	}

	@Override
	public Optional<AnalyzedRecording> findById(String id) {
		synchronized (this.recordings) {
			for (AnalyzedRecording recording : this.recordings) {
				if (recording.recording().getId().equals(id)) {
					return Optional.of(recording);
				}
			}
			for (AnalyzedRecording recording : this.tasks) {
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
			this.tasks.clear();
		}
	}

	/**
	 * Returns how many recordings other than tasks this store keeps at most.
	 * @return the capacity
	 */
	public int getCapacity() {
		return this.capacity;
	}

	/**
	 * Returns how many task recordings this store keeps at most.
	 * @return the task capacity
	 */
	public int getTaskCapacity() {
		return this.taskCapacity;
	}

}
