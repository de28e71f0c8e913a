package dev.querylens.demo.lessons;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a customer ordered in all: the aggregation lesson's row.
 *
 * @param customerId the customer's id
 * @param customer the customer's name
 * @param orders how many orders
 * @param revenue the sum of their lines
 */
public record CustomerRevenue(Long customerId, String customer, long orders, BigDecimal revenue) {

	public CustomerRevenue {
		// Databases differ in the scale of a sum; two decimals is what a price has.
		revenue = revenue.setScale(2, RoundingMode.UNNECESSARY);
	}

}
