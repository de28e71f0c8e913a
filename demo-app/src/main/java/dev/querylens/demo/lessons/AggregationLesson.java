package dev.querylens.demo.lessons;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.querylens.demo.shop.Customer;
import dev.querylens.demo.shop.OrderItem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revenue per customer: summed in Java over every loaded line, or by the database with
 * {@code group by}.
 */
@Service
@Transactional(readOnly = true)
public class AggregationLesson {

	private final LessonItemRepository items;

	public AggregationLesson(LessonItemRepository items) {
		this.items = items;
	}

	/**
	 * Loads every line with its order and customer and sums in Java.
	 * @return one row per customer, by id
	 */
	public List<CustomerRevenue> sumInJava() {
		Map<Long, Customer> customers = new TreeMap<>();
		Map<Long, Set<Long>> orders = new TreeMap<>();
		Map<Long, BigDecimal> revenue = new TreeMap<>();
		for (OrderItem item : this.items.findAllWithOrderCustomerAndProduct()) {
			Customer customer = item.getOrder().getCustomer();
			customers.put(customer.getId(), customer);
			orders.computeIfAbsent(customer.getId(), (id) -> new HashSet<>()).add(item.getOrder().getId());
			revenue.merge(customer.getId(), item.getLineTotal(), BigDecimal::add);
		}
		List<CustomerRevenue> rows = new ArrayList<>();
		customers.forEach((id, customer) -> rows
			.add(new CustomerRevenue(id, customer.getName(), orders.get(id).size(), revenue.get(id))));
		return rows;
	}

	/**
	 * Lets the database group and sum: one row per customer comes back.
	 * @return one row per customer, by id
	 */
	public List<CustomerRevenue> sumInDatabase() {
		return this.items.sumByCustomer();
	}

}
