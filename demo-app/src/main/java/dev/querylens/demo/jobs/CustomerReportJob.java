package dev.querylens.demo.jobs;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.querylens.demo.shop.Order;
import dev.querylens.demo.shop.OrderRepository;

/**
 * A scheduled report of who placed each order: the slow run loads each order's customer
 * on its own (an N+1, recorded as the task {@code CustomerReportJob.customersOfOrders}),
 * the fast one fetches them with the orders.
 */
@Component
@Profile("jobs")
class CustomerReportJob {

	private final OrderRepository orders;

	CustomerReportJob(OrderRepository orders) {
		this.orders = orders;
	}

	@Scheduled(initialDelayString = "${demo.jobs.initial-delay:5s}", fixedDelayString = "${demo.jobs.interval:60s}")
	@Transactional(readOnly = true)
	public void customersOfOrders() {
		names(this.orders.findAllByOrderByIdAsc());
	}

	@Scheduled(initialDelayString = "${demo.jobs.initial-delay:5s}", fixedDelayString = "${demo.jobs.interval:60s}")
	@Transactional(readOnly = true)
	public void customersOfOrdersFetched() {
		names(this.orders.findAllWithCustomer());
	}

	private static List<String> names(List<Order> orders) {
		return orders.stream().map((order) -> order.getCustomer().getName()).toList();
	}

}
