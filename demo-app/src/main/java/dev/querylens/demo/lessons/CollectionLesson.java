package dev.querylens.demo.lessons;

import java.util.List;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * N+1 on a collection ({@code Order.items}), fixed by batch fetching or by a collection
 * fetch.
 */
@Service
@Transactional(readOnly = true)
public class CollectionLesson {

	static final int BATCH_SIZE = 50;

	private final LessonOrderRepository orders;

	private final EntityManager entityManager;

	public CollectionLesson(LessonOrderRepository orders, EntityManager entityManager) {
		this.orders = orders;
		this.entityManager = entityManager;
	}

	/**
	 * Loads the orders, then each lazy collection of items as the loop reads it.
	 * @return each order's item count and total
	 */
	public List<OrderSummary> lazyInALoop() {
		return this.orders.findAllByOrderByIdAsc().stream().map(OrderSummary::of).toList();
	}

	/**
	 * Loads the orders, then their items in batches of 50 orders per statement: what
	 * {@code spring.jpa.properties.hibernate.default_batch_fetch_size=50} does for the
	 * whole application, or {@code @BatchSize(size = 50)} on {@code Order.items} for that
	 * one collection, set here on this session only.
	 * @return each order's item count and total
	 */
	public List<OrderSummary> batchFetch() {
		Session session = this.entityManager.unwrap(Session.class);
		int previous = session.getFetchBatchSize();
		session.setFetchBatchSize(BATCH_SIZE);
		try {
			return this.orders.findAllByOrderByIdAsc().stream().map(OrderSummary::of).toList();
		}
		finally {
			session.setFetchBatchSize(previous);
		}
	}

	/**
	 * Loads the orders with {@code join fetch o.items}: one statement, one row per item.
	 * @return each order's item count and total
	 */
	public List<OrderSummary> collectionFetch() {
		return this.orders.findAllWithItems().stream().map(OrderSummary::of).toList();
	}

}
