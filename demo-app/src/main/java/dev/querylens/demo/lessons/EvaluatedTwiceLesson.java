package dev.querylens.demo.lessons;

import java.util.List;

import dev.querylens.demo.shop.Order;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A repository call repeated in one request, against its result kept in a variable.
 */
@Service
@Transactional(readOnly = true)
public class EvaluatedTwiceLesson {

	static final long CUSTOMER = 3;

	private final LessonOrderRepository orders;

	public EvaluatedTwiceLesson(LessonOrderRepository orders) {
		this.orders = orders;
	}

	/**
	 * Asks the repository once for the count and again for the ids: a query method always
	 * runs its SQL.
	 * @return the customer's order count and ids
	 */
	public CustomerOrders callTwice() {
		int count = this.orders.findByCustomerIdOrderByIdAsc(CUSTOMER).size();
		List<Long> ids = this.orders.findByCustomerIdOrderByIdAsc(CUSTOMER).stream().map(Order::getId).toList();
		return new CustomerOrders(count, ids);
	}

	/**
	 * Asks once and uses the list twice.
	 * @return the customer's order count and ids
	 */
	public CustomerOrders keepTheResult() {
		List<Order> customerOrders = this.orders.findByCustomerIdOrderByIdAsc(CUSTOMER);
		return new CustomerOrders(customerOrders.size(), customerOrders.stream().map(Order::getId).toList());
	}

	/**
	 * A customer's orders.
	 *
	 * @param count how many
	 * @param ids their ids
	 */
	public record CustomerOrders(int count, List<Long> ids) {

	}

}
