package dev.querylens.demo.shop;

import java.math.BigDecimal;

/**
 * An order's item count and total, as the items page shows them.
 *
 * @param id the order's id
 * @param itemCount how many lines it has
 * @param total the sum of its lines
 */
public record OrderTotal(Long id, int itemCount, BigDecimal total) {

	static OrderTotal of(Order order) {
		return new OrderTotal(order.getId(), order.getItems().size(), order.getTotal());
	}

}
