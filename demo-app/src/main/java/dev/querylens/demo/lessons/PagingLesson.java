package dev.querylens.demo.lessons;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Why a collection fetch and paging do not mix: the limit cannot apply to the joined
 * rows.
 */
@Service
@Transactional(readOnly = true)
public class PagingLesson {

	static final Pageable FIRST_PAGE = PageRequest.of(0, 10);

	private final LessonOrderRepository orders;

	public PagingLesson(LessonOrderRepository orders) {
		this.orders = orders;
	}

	/**
	 * Pages a query that fetches the items: Hibernate before 7.4 reads every order's
	 * items and keeps the first 10 orders in memory (and logs HHH90003004); 7.4 limits
	 * the orders in a derived table.
	 * @return the page's orders with their item count and total
	 */
	public List<OrderSummary> fetchThenPage() {
		return this.orders.findPageWithItems(FIRST_PAGE).stream().map(OrderSummary::of).toList();
	}

	/**
	 * Pages the ids in SQL, then fetches those orders with their items.
	 * @return the page's orders with their item count and total
	 */
	public List<OrderSummary> pageIdsThenFetch() {
		List<Long> ids = this.orders.findPageOfIds(FIRST_PAGE);
		return this.orders.findWithItemsByIdIn(ids).stream().map(OrderSummary::of).toList();
	}

}
