package dev.querylens.demo.shop;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The order pages: each lesson the slow way and the fast way, rendering the same page.
 */
@Controller
class OrderController {

	private final OrderService orders;

	OrderController(OrderService orders) {
		this.orders = orders;
	}

	@GetMapping("/")
	String home() {
		return "index";
	}

	@GetMapping("/orders/slow")
	String ordersSlow(Model model) {
		model.addAttribute("variant", "slow");
		model.addAttribute("rows", this.orders.listWithCustomersSlow());
		return "orders/list";
	}

	@GetMapping("/orders/fast")
	String ordersFast(Model model) {
		model.addAttribute("variant", "fast");
		model.addAttribute("rows", this.orders.listWithCustomersFast());
		return "orders/list";
	}

	@GetMapping("/orders/items/slow")
	String itemsSlow(Model model) {
		model.addAttribute("variant", "slow");
		model.addAttribute("totals", this.orders.listWithItemsSlow());
		return "orders/items";
	}

	@GetMapping("/orders/items/fast")
	String itemsFast(Model model) {
		model.addAttribute("variant", "fast");
		model.addAttribute("totals", this.orders.listWithItemsFast());
		return "orders/items";
	}

	@GetMapping("/orders/{id:\\d+}")
	String order(@PathVariable long id, Model model) {
		model.addAttribute("order", this.orders.detail(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + id)));
		return "orders/detail";
	}

	@GetMapping("/orders/in-view")
	String ordersInView(Model model) {
		model.addAttribute("orders", this.orders.listEntities());
		return "orders/in-view";
	}

}
