package dev.querylens.demo.lessons;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * N+1 on a to-one association ({@code Order.customer}), and its two fixes.
 */
@Service
@Transactional(readOnly = true)
public class ToOneLesson {

	private final LessonOrderRepository orders;

	public ToOneLesson(LessonOrderRepository orders) {
		this.orders = orders;
	}

	/**
	 * Loads the orders, then each lazy customer as the loop reads it.
	 * @return the orders with their customers
	 */
	public List<OrderLine> lazyInALoop() {
		return this.orders.findAllByOrderByIdAsc().stream().map(OrderLine::of).toList();
	}

	/**
	 * Loads the orders with {@code join fetch o.customer}.
	 * @return the orders with their customers
	 */
	public List<OrderLine> joinFetch() {
		return this.orders.findAllWithCustomer().stream().map(OrderLine::of).toList();
	}

	/**
	 * Loads the orders with {@code @EntityGraph(attributePaths = "customer")}.
	 * @return the orders with their customers
	 */
	public List<OrderLine> entityGraph() {
		return this.orders.findAllWithCustomerGraph().stream().map(OrderLine::of).toList();
	}

}
