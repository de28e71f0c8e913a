package dev.querylens.demo.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Service;

/**
 * Incrementing a counter by read-modify-write, or atomically in the database; and what
 * happens to each when requests run at the same time.
 */
@Service
public class AtomicUpdateLesson {

	static final long SLOW_COUNTER = 1;

	static final long FAST_COUNTER = 2;

	static final long SLOW_RACE_COUNTER = 3;

	static final long FAST_RACE_COUNTER = 4;

	private final ViewCounterRepository counters;

	private final ViewCounterIncrementer incrementer;

	public AtomicUpdateLesson(ViewCounterRepository counters, ViewCounterIncrementer incrementer) {
		this.counters = counters;
		this.incrementer = incrementer;
	}

	/**
	 * Resets the counter, adds one view by reading and writing back, and reads the
	 * result.
	 * @return the counter afterwards
	 */
	public Views readModifyWrite() {
		this.counters.reset(SLOW_COUNTER);
		this.incrementer.readModifyWrite(SLOW_COUNTER);
		return new Views(this.counters.viewsOf(SLOW_COUNTER));
	}

	/**
	 * Resets the counter, adds one view atomically, and reads the result.
	 * @return the counter afterwards
	 */
	public Views atomic() {
		this.counters.reset(FAST_COUNTER);
		this.incrementer.atomic(FAST_COUNTER);
		return new Views(this.counters.viewsOf(FAST_COUNTER));
	}

	/**
	 * Runs {@code threads × increments} increments at the same time, each its own
	 * transaction, the slow or the fast way, on a counter reset first.
	 * @param atomic whether to increment atomically
	 * @param threads how many threads
	 * @param increments increments per thread
	 * @return the result
	 * @throws Exception if a thread could not be waited for
	 */
	public Race race(boolean atomic, int threads, int increments) throws Exception {
		long counter = atomic ? FAST_RACE_COUNTER : SLOW_RACE_COUNTER;
		LongConsumer increment = atomic ? this.incrementer::atomic : this.incrementer::readModifyWrite;
		this.counters.reset(counter);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		int failed = 0;
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				results.add(executor.submit(() -> {
					int failures = 0;
					for (int i = 0; i < increments; i++) {
						try {
							increment.accept(counter);
						}
						catch (RuntimeException ex) {
							failures++;
						}
					}
					return failures;
				}));
			}
			for (Future<Integer> result : results) {
				failed += result.get();
			}
		}
		finally {
			executor.shutdown();
		}
		return new Race(threads * increments, this.counters.viewsOf(counter), failed);
	}

	/**
	 * A counter's value.
	 *
	 * @param views the value
	 */
	public record Views(long views) {

	}

	/**
	 * How a race of increments ended.
	 *
	 * @param attempted increments attempted
	 * @param counted what the counter says afterwards
	 * @param failed increments that threw (a lock timeout or a serialization failure)
	 */
	public record Race(int attempted, long counted, int failed) {

		/**
		 * Returns the increments lost without an error.
		 * @return attempted minus counted minus failed
		 */
		public long lost() {
			return this.attempted - this.counted - this.failed;
		}

	}

}
