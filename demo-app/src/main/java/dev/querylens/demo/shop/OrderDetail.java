package dev.querylens.demo.shop;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One order as its detail page shows it: the order, its customer with how many orders
 * they placed, and its lines.
 *
 * @param id the order's id
 * @param placedOn when it was placed
 * @param customerName its customer's name
 * @param customerOrders how many orders that customer placed
 * @param lines its items
 * @param total the sum of its lines
 */
public record OrderDetail(Long id, LocalDate placedOn, String customerName, long customerOrders, List<Line> lines,
		BigDecimal total) {

	/**
	 * An item of the order.
	 *
	 * @param quantity how many
	 * @param unitPrice the price of one
	 * @param lineTotal quantity times unit price
	 */
	public record Line(int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {

	}

}
