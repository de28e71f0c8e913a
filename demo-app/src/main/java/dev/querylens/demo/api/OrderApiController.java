package dev.querylens.demo.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.querylens.demo.shop.OrderRow;
import dev.querylens.demo.shop.OrderService;

/**
 * The orders as JSON, the slow way and the fast way: requests that render no HTML, for
 * the page that calls them with {@code fetch()}.
 */
@RestController
class OrderApiController {

	private final OrderService orders;

	OrderApiController(OrderService orders) {
		this.orders = orders;
	}

	@GetMapping("/api/orders/slow")
	List<OrderRow> slow() {
		return this.orders.listWithCustomersSlow();
	}

	@GetMapping("/api/orders/fast")
	List<OrderRow> fast() {
		return this.orders.listWithCustomersFast();
	}

}
