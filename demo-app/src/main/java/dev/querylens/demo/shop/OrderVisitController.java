package dev.querylens.demo.shop;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * An order page whose statements run in two transactions and in auto-commit, for the
 * panel's transaction bars: a count in auto-commit, the order read in a read-only
 * transaction, the view saved in a read-write one (its insert flushed at commit), and the
 * order's views counted in auto-commit again.
 */
@Controller
class OrderVisitController {

	private final OrderService orders;

	private final VisitLog visitLog;

	private final JdbcTemplate jdbc;

	OrderVisitController(OrderService orders, VisitLog visitLog, JdbcTemplate jdbc) {
		this.orders = orders;
		this.visitLog = visitLog;
		this.jdbc = jdbc;
	}

	@GetMapping("/orders/{id:\\d+}/visit")
	String visit(@PathVariable long id, Model model) {
		model.addAttribute("orderCount", this.jdbc.queryForObject("select count(*) from orders", Long.class));
		model.addAttribute("order", this.orders.detail(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + id)));
		this.visitLog.record(id);
		model.addAttribute("visits",
				this.jdbc.queryForObject("select count(*) from order_visit where order_id = ?", Long.class, id));
		return "orders/visit";
	}

}
