package dev.querylens.demo.lessons;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds one view to a counter, each call its own transaction, the two ways the
 * atomic-update lesson compares.
 */
@Component
public class ViewCounterIncrementer {

	private final ViewCounterRepository counters;

	public ViewCounterIncrementer(ViewCounterRepository counters) {
		this.counters = counters;
	}

	/**
	 * Reads the counter, adds one in Java, and lets Hibernate write the new value back.
	 * @param id the counter
	 */
	@Transactional
	public void readModifyWrite(long id) {
		ViewCounter counter = this.counters.findById(id).orElseThrow();
		work();
		counter.setViews(counter.getViews() + 1);
	}

	/**
	 * Lets the database add one: {@code update view_counter set views = views + 1}.
	 * @param id the counter
	 */
	@Transactional
	public void atomic(long id) {
		work();
		this.counters.increment(id);
	}

	// Stands for what a real request does between reading and writing (validation,
	// rendering, a remote call);
	// it makes the window in which another transaction can interleave as wide as in an
	// application.
	private static void work() {
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
