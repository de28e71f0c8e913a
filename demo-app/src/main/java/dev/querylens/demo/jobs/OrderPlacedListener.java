package dev.querylens.demo.jobs;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.querylens.demo.shop.Order;
import dev.querylens.demo.shop.OrderRepository;

/**
 * Counts the items of every order when an order is placed: the slow listener loads each
 * order's items on their own (an N+1, recorded as the task
 * {@code OrderPlacedListener.onOrderPlaced ← queue order-placed}), the fast one fetches
 * them with the orders.
 */
@Component
@Profile("jobs")
class OrderPlacedListener {

	/** The queue the slow listener reads. */
	static final String QUEUE = "order-placed";

	/** The queue the fast listener reads. */
	static final String QUEUE_FETCHED = "order-placed-fetched";

	private final OrderRepository orders;

	OrderPlacedListener(OrderRepository orders) {
		this.orders = orders;
	}

	@JmsListener(destination = QUEUE)
	@Transactional(readOnly = true)
	public void onOrderPlaced(String order) {
		items(this.orders.findAllByOrderByIdAsc());
	}

	@JmsListener(destination = QUEUE_FETCHED)
	@Transactional(readOnly = true)
	public void onOrderPlacedFetched(String order) {
		items(this.orders.findAllWithItems());
	}

	private static int items(List<Order> orders) {
		return orders.stream().mapToInt((order) -> order.getItems().size()).sum();
	}

}
