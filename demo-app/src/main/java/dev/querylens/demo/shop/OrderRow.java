package dev.querylens.demo.shop;

import java.time.LocalDate;

/**
 * An order as the orders page shows it.
 *
 * @param id the order's id
 * @param placedOn when it was placed
 * @param customer the customer's name
 * @param city the customer's city
 */
public record OrderRow(Long id, LocalDate placedOn, String customer, String city) {

	static OrderRow of(Order order) {
		Customer customer = order.getCustomer();
		return new OrderRow(order.getId(), order.getPlacedOn(), customer.getName(), customer.getCity());
	}

}
