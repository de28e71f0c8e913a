package dev.querylens.demo.shop;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The JSON side of the shop: a page that loads its orders with {@code fetch()}, the way a single page app does, so
 * the toolbar shows the cost of the API call under the page that made it; and a customer search whose text is a
 * bound parameter.
 */
@Controller
class OrderApiController {

	private final OrderService orders;

	private final JdbcTemplate jdbc;

	OrderApiController(OrderService orders, JdbcTemplate jdbc) {
		this.orders = orders;
		this.jdbc = jdbc;
	}

	@GetMapping("/orders/live")
	String live() {
		return "orders/live";
	}

	@GetMapping("/api/orders/slow")
	@ResponseBody
	List<OrderRow> ordersSlow() {
		return this.orders.listWithCustomersSlow();
	}

	@GetMapping("/customers/search")
	String search(@RequestParam(defaultValue = "") String name, org.springframework.ui.Model model) {
		List<Map<String, Object>> found = this.jdbc.queryForList(
				"select id, name, city from customer where name like ? order by id", "%" + name + "%");
		model.addAttribute("name", name);
		model.addAttribute("customers", found);
		return "customers/search";
	}

}
