package dev.querylens.demo.lessons;

import java.time.LocalDate;

import dev.querylens.demo.shop.Customer;
import dev.querylens.demo.shop.Order;

/**
 * An order with its customer's name and city.
 *
 * @param id the order's id
 * @param placedOn when it was placed
 * @param customer the customer's name
 * @param city the customer's city
 */
public record OrderLine(Long id, LocalDate placedOn, String customer, String city) {

	static OrderLine of(Order order) {
		Customer customer = order.getCustomer();
		return new OrderLine(order.getId(), order.getPlacedOn(), customer.getName(), customer.getCity());
	}

}
