package dev.querylens.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.capture.Kind;

/**
 * Keeps the most recent recordings in memory, dropping the oldest first: bounded in the
 * number of recordings, with a bound of its own for task recordings so a job that runs
 * every second cannot push the requests out, and in the heap they hold together. Each
 * recording's size is estimated once, when it is added (two bytes per character of the
 * strings it keeps and a fixed allowance per object; see {@link #getSize()}). A recording
 * that does not fit the budget first drops the oldest of its own kind, then the oldest of
 * the other, so tasks never evict requests while older tasks remain. The newest recording
 * is kept even when it alone is larger than the budget, so that the request just made can
 * always be shown.
 */
public final class InMemoryRecordingStore implements RecordingStore {

	/** Budget used when none is given: 64 MB. */
	public static final long DEFAULT_MAX_SIZE = 64L * 1024 * 1024;

	private final int capacity;

	private final int taskCapacity;

	private final long maxSize;

	// Both guarded by recordings, newest first.
	private final Deque<Stored> recordings;

	private final Deque<Stored> tasks;

	private volatile long size;

	/**
	 * Creates a store that keeps as many task recordings as others, with the
	 * {@link #DEFAULT_MAX_SIZE default budget}.
	 * @param capacity how many recordings to keep, at least 1
	 */
	public InMemoryRecordingStore(int capacity) {
		this(capacity, capacity, DEFAULT_MAX_SIZE);
	}

	/**
	 * Creates a store that keeps as many task recordings as others.
	 * @param capacity how many recordings to keep, at least 1
	 * @param maxSize the estimated bytes the recordings kept may hold together, at least
	 * 1
	 */
	public InMemoryRecordingStore(int capacity, long maxSize) {
		this(capacity, capacity, maxSize);
	}

	/**
	 * Creates a store.
	 * @param capacity how many recordings other than tasks to keep, at least 1
	 * @param taskCapacity how many task recordings to keep, at least 1
	 * @param maxSize the estimated bytes the recordings kept may hold together, at least
	 * 1
	 */
	public InMemoryRecordingStore(int capacity, int taskCapacity, long maxSize) {
		if (capacity < 1) {
			throw new IllegalArgumentException("'capacity' must be at least 1, was " + capacity);
		}
		if (taskCapacity < 1) {
			throw new IllegalArgumentException("'taskCapacity' must be at least 1, was " + taskCapacity);
		}
		if (maxSize < 1) {
			throw new IllegalArgumentException("'maxSize' must be at least 1, was " + maxSize);
		}
		this.capacity = capacity;
		this.taskCapacity = taskCapacity;
		this.maxSize = maxSize;
		this.recordings = new ArrayDeque<>(Math.min(capacity, 1024));
		this.tasks = new ArrayDeque<>(Math.min(taskCapacity, 1024));
	}

	@Override
	public void add(AnalyzedRecording recording) {
		// Estimated outside the lock: it reads every string the recording keeps.
		Stored stored = new Stored(recording, RecordingSize.estimate(recording));
		boolean task = recording.recording().getKind() == Kind.TASK;
		synchronized (this.recordings) {
			Deque<Stored> own = task ? this.tasks : this.recordings;
			Deque<Stored> other = task ? this.recordings : this.tasks;
			long total = this.size;
			while (own.size() >= (task ? this.taskCapacity : this.capacity)) {
				total -= own.removeLast().size();
			}
			while (total + stored.size() > this.maxSize && !(own.isEmpty() && other.isEmpty())) {
				total -= (own.isEmpty() ? other : own).removeLast().size();
			}
			own.addFirst(stored);
			this.size = total + stored.size();
		}
	}

	@Override
	public List<AnalyzedRecording> findAll() {
		synchronized (this.recordings) {
			List<AnalyzedRecording> all = new ArrayList<>(this.recordings.size() + this.tasks.size());
			// Each deque is newest first; merged by start, keeping each deque's own
			// order.
			Iterator<Stored> others = this.recordings.iterator();
			Iterator<Stored> tasks = this.tasks.iterator();
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

	private static @Nullable AnalyzedRecording next(Iterator<Stored> iterator) {
		return iterator.hasNext() ? iterator.next().recording() : null;
	}

	@Override
	public Optional<AnalyzedRecording> findById(String id) {
		synchronized (this.recordings) {
			for (Deque<Stored> deque : List.of(this.recordings, this.tasks)) {
				for (Stored stored : deque) {
					if (stored.recording().recording().getId().equals(id)) {
						return Optional.of(stored.recording());
					}
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
			this.size = 0;
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

	/**
	 * Returns the estimated bytes the recordings kept may hold together.
	 * @return the budget
	 */
	public long getMaxSize() {
		return this.maxSize;
	}

	/**
	 * Returns the estimated heap held by the recordings kept: per recording, two bytes
	 * per character of each string it keeps (SQL, fingerprints, parameters, finding
	 * messages, errors) and a fixed allowance per object, counted when it was added.
	 * Strings shared with the application, such as thread names and call sites' frames,
	 * are not counted.
	 * @return the estimate in bytes
	 */
	public long getSize() {
		return this.size;
	}

	/**
	 * Returns how many recordings are kept, tasks included.
	 * @return the number of recordings
	 */
	public int getCount() {
		synchronized (this.recordings) {
			return this.recordings.size() + this.tasks.size();
		}
	}

	private record Stored(AnalyzedRecording recording, long size) {
	}

}
