package dev.querylens.demo.lessons;

import java.math.BigDecimal;

import dev.querylens.demo.shop.Order;

/**
 * An order's item count and total.
 *
 * @param id the order's id
 * @param items how many lines it has
 * @param total the sum of its lines
 */
public record OrderSummary(Long id, int items, BigDecimal total) {

	static OrderSummary of(Order order) {
		return new OrderSummary(order.getId(), order.getItems().size(), order.getTotal());
	}

}
