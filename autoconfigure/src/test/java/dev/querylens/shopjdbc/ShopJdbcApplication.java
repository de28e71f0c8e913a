package dev.querylens.shopjdbc;

import java.util.List;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small shop on plain JDBC with an N+1 page and a fast page, for the metrics and
 * fail-action tests.
 */
@SpringBootApplication
public class ShopJdbcApplication {

	/** Orders seeded, each of its own customer. */
	public static final int ORDERS = 5;

	@Bean
	ApplicationRunner shopSchema(JdbcTemplate jdbc) {
		return (arguments) -> {
			jdbc.execute("create table if not exists customer (id int primary key, name varchar(50))");
			jdbc.execute("create table if not exists orders (id int primary key, customer_id int)");
			jdbc.update("delete from orders");
			jdbc.update("delete from customer");
			for (int i = 1; i <= ORDERS; i++) {
				jdbc.update("insert into customer (id, name) values (?, ?)", i, "customer " + i);
				jdbc.update("insert into orders (id, customer_id) values (?, ?)", i, i);
			}
		};
	}

	@RestController
	static class ShopController {

		private final JdbcTemplate jdbc;

		ShopController(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/shop/slow")
		List<String> slow() {
			return this.jdbc.queryForList("select customer_id from orders order by id", Integer.class)
				.stream()
				.map(this::customerName)
				.toList();
		}

		@GetMapping("/shop/fast")
		List<String> fast() {
			return this.jdbc.queryForList(
					"select c.name from orders o join customer c on c.id = o.customer_id order by o.id", String.class);
		}

		@GetMapping("/shop/customers/{id}")
		String customer(@PathVariable int id) {
			return customerName(id);
		}

		@GetMapping("/shop/slow/large")
		String slowLarge() {
			// Past the filter's buffer, so the response is committed before the request
			// ends.
			return String.join(",", slow()) + "x".repeat(512 * 1024);
		}

		private String customerName(int id) {
			return this.jdbc.queryForObject("select name from customer where id = ?", String.class, id);
		}

	}

}
