package dev.querylens.demo.shop;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages for the toolbar to show: one that loads its orders from {@code /api/orders/slow}
 * with {@code fetch()} and {@code XMLHttpRequest}, the way a single page app does, so the
 * toolbar lists the API calls under the page that made them; and a customer search whose
 * text is a bound parameter.
 */
@Controller
class LivePagesController {

	private final JdbcTemplate jdbc;

	LivePagesController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/orders/live")
	String live() {
		return "orders/live";
	}

	@GetMapping("/customers/search")
	String search(@RequestParam(defaultValue = "") String name, Model model) {
		List<Map<String, Object>> found = this.jdbc
			.queryForList("select id, name, city from customer where name like ? order by id", "%" + name + "%");
		model.addAttribute("name", name);
		model.addAttribute("customers", found);
		return "customers/search";
	}

}
