package dev.querylens.demo.shop;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order pages' data, each list the slow way and the fast way. Both ways return equal
 * data.
 */
@Service
@Transactional(readOnly = true)
public class OrderService {

	private final OrderRepository orders;

	public OrderService(OrderRepository orders) {
		this.orders = orders;
	}

	/**
	 * Orders with their customer's name, reading each lazy customer in a loop: 1 query,
	 * then 1 per customer.
	 * @return the rows
	 */
	public List<OrderRow> listWithCustomersSlow() {
		return this.orders.findAllByOrderByIdAsc().stream().map(OrderRow::of).toList();
	}

	/**
	 * Orders with their customer's name, fetched with {@code join fetch}: 1 query.
	 * @return the rows
	 */
	public List<OrderRow> listWithCustomersFast() {
		return this.orders.findAllWithCustomer().stream().map(OrderRow::of).toList();
	}

	/**
	 * Orders with their item count and total, reading each lazy collection in a loop: 1
	 * query, then 1 per order.
	 * @return the summaries
	 */
	public List<OrderTotal> listWithItemsSlow() {
		return this.orders.findAllByOrderByIdAsc().stream().map(OrderTotal::of).toList();
	}

	/**
	 * Orders with their item count and total, items fetched by an entity graph: 1 query.
	 * @return the summaries
	 */
	public List<OrderTotal> listWithItemsFast() {
		return this.orders.findAllWithItems().stream().map(OrderTotal::of).toList();
	}

	/**
	 * One order with its customer and its lines, the way a detail page commonly loads it:
	 * the order, its lazy customer, its lazy items, and a count of the customer's orders,
	 * 4 queries. The end-to-end benchmark's HTML page.
	 * @param id the order's id
	 * @return the order's detail, or empty if there is no such order
	 */
	public Optional<OrderDetail> detail(long id) {
		return this.orders.findById(id).map((order) -> {
			List<OrderDetail.Line> lines = order.getItems()
				.stream()
				.map((item) -> new OrderDetail.Line(item.getQuantity(), item.getUnitPrice(), item.getLineTotal()))
				.toList();
			return new OrderDetail(order.getId(), order.getPlacedOn(), order.getCustomer().getName(),
					this.orders.countByCustomer(order.getCustomer()), lines, order.getTotal());
		});
	}

	/**
	 * Orders as entities, for a template that reads their customers while it renders.
	 * @return the orders, customers not loaded
	 */
	public List<Order> listEntities() {
		return this.orders.findAllByOrderByIdAsc();
	}

}
