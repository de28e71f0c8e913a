package dev.querylens.demo.lessons;

import java.util.List;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Summing the 200 000 page views: loading them all into a list, or streaming them with a
 * fetch size and letting each go once read.
 */
@Service
@Transactional(readOnly = true)
public class StreamingLesson {

	private final PageViewRepository views;

	private final EntityManager entityManager;

	public StreamingLesson(PageViewRepository views, EntityManager entityManager) {
		this.views = views;
		this.entityManager = entityManager;
	}

	/**
	 * Loads every view into a list, then sums.
	 * @param measures where to report the entities held at once
	 * @return the totals
	 */
	public ViewTotals loadAll(VariantMeasures measures) {
		List<PageView> all = this.views.findEverything();
		measures.holding(managedEntities());
		ViewTotals totals = new ViewTotals(0, 0, 0);
		for (PageView view : all) {
			totals = totals.add(view);
		}
		return totals;
	}

	/**
	 * Streams the views and detaches each once read, so the persistence context never
	 * holds more than one.
	 * @param measures where to report the entities held at once
	 * @return the totals
	 */
	public ViewTotals stream(VariantMeasures measures) {
		ViewTotals totals = new ViewTotals(0, 0, 0);
		try (Stream<PageView> stream = this.views.streamEverything()) {
			for (PageView view : (Iterable<PageView>) stream::iterator) {
				measures.holding(managedEntities());
				totals = totals.add(view);
				this.entityManager.detach(view);
			}
		}
		return totals;
	}

	private long managedEntities() {
		return this.entityManager.unwrap(Session.class).getStatistics().getEntityCount();
	}

	/**
	 * What the views add up to.
	 *
	 * @param views how many
	 * @param totalDurationMs the time spent on them
	 * @param longestMs the longest
	 */
	public record ViewTotals(long views, long totalDurationMs, long longestMs) {

		ViewTotals add(PageView view) {
			return new ViewTotals(this.views + 1, this.totalDurationMs + view.getDurationMs(),
					Math.max(this.longestMs, view.getDurationMs()));
		}

	}

}
