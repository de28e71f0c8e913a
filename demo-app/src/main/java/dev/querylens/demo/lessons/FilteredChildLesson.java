package dev.querylens.demo.lessons;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.querylens.demo.shop.Order;
import dev.querylens.demo.shop.OrderItem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A filtered, ordered child list per parent: one query per parent, or one query for all
 * parents.
 */
@Service
@Transactional(readOnly = true)
public class FilteredChildLesson {

	static final int LEAST_QUANTITY = 3;

	private final LessonOrderRepository orders;

	private final LessonItemRepository items;

	public FilteredChildLesson(LessonOrderRepository orders, LessonItemRepository items) {
		this.orders = orders;
		this.items = items;
	}

	/**
	 * Loads the orders, then each order's large lines with a query per order.
	 * @return each order with its lines of 3 or more, dearest first
	 */
	public List<BulkLines> queryPerOrder() {
		List<BulkLines> result = new ArrayList<>();
		for (Order order : this.orders.findAllByOrderByIdAsc()) {
			List<OrderItem> large = this.items
				.findByOrderIdAndQuantityGreaterThanEqualOrderByUnitPriceDescIdAsc(order.getId(), LEAST_QUANTITY);
			result.add(new BulkLines(order.getId(), large.stream().map(BulkLine::of).toList()));
		}
		return result;
	}

	/**
	 * Loads the orders, then the large lines of all of them with one {@code in} query,
	 * grouped in memory.
	 * @return each order with its lines of 3 or more, dearest first
	 */
	public List<BulkLines> oneQueryForAll() {
		List<Order> all = this.orders.findAllByOrderByIdAsc();
		Map<Long, List<BulkLine>> byOrder = new LinkedHashMap<>();
		all.forEach((order) -> byOrder.put(order.getId(), new ArrayList<>()));
		// Reading the id of the lazy order proxy does not load it.
		for (OrderItem item : this.items.findByOrderIdsAndQuantityAtLeast(byOrder.keySet(), LEAST_QUANTITY)) {
			byOrder.get(item.getOrder().getId()).add(BulkLine.of(item));
		}
		return byOrder.entrySet().stream().map((entry) -> new BulkLines(entry.getKey(), entry.getValue())).toList();
	}

	/**
	 * An order's lines of a large quantity.
	 *
	 * @param orderId the order
	 * @param lines its lines, dearest first
	 */
	public record BulkLines(Long orderId, List<BulkLine> lines) {

	}

	/**
	 * One line of a large quantity.
	 *
	 * @param itemId the item
	 * @param quantity its quantity
	 * @param unitPrice its unit price
	 */
	public record BulkLine(Long itemId, int quantity, BigDecimal unitPrice) {

		static BulkLine of(OrderItem item) {
			return new BulkLine(item.getId(), item.getQuantity(), item.getUnitPrice());
		}

	}

}
