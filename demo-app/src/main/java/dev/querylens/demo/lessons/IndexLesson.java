package dev.querylens.demo.lessons;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One visitor's views out of 200 000: filtered through a column with no index, then
 * through an indexed one.
 */
@Service
@Transactional(readOnly = true)
public class IndexLesson {

	static final long VISITOR = 4242;

	private final PageViewRepository views;

	public IndexLesson(PageViewRepository views) {
		this.views = views;
	}

	/**
	 * Filters on {@code unindexed_visitor_id}: the database reads the whole table.
	 * @return the visitor's views
	 */
	public List<ViewLine> withoutIndex() {
		return this.views.findByUnindexedVisitorIdOrderByIdAsc(VISITOR).stream().map(ViewLine::of).toList();
	}

	/**
	 * Filters on {@code visitor_id}, which has {@code @Index}: the database reads the
	 * matching rows.
	 * @return the visitor's views
	 */
	public List<ViewLine> withIndex() {
		return this.views.findByVisitorIdOrderByIdAsc(VISITOR).stream().map(ViewLine::of).toList();
	}

	/**
	 * A view as the lesson shows it.
	 *
	 * @param id the view
	 * @param path the page viewed
	 * @param durationMs how long
	 */
	public record ViewLine(Long id, String path, int durationMs) {

		static ViewLine of(PageView view) {
			return new ViewLine(view.getId(), view.getPath(), view.getDurationMs());
		}

	}

}
