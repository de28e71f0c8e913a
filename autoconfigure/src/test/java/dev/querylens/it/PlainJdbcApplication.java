package dev.querylens.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * An application with plain JDBC and no JPA, to show QueryLens needs neither Hibernate
 * nor the demo.
 */
@SpringBootApplication
public class PlainJdbcApplication {

	// Eight order rows of five customers: customers 1, 2 and 3 come twice.
	static final int[] ORDER_CUSTOMERS = { 1, 2, 3, 1, 4, 2, 5, 3 };

	@Bean
	ApplicationRunner customers(JdbcTemplate jdbc) {
		return (args) -> {
			jdbc.execute("create table if not exists probe_customer (id int primary key, name varchar(20))");
			jdbc.execute("create table if not exists probe_order (id int primary key, customer_id int)");
			if (jdbc.queryForObject("select count(*) from probe_customer", Integer.class) == 0) {
				for (int i = 1; i <= 5; i++) {
					jdbc.update("insert into probe_customer values (?, ?)", i, "Customer " + i);
				}
				for (int i = 0; i < ORDER_CUSTOMERS.length; i++) {
					jdbc.update("insert into probe_order values (?, ?)", i + 1, ORDER_CUSTOMERS[i]);
				}
			}
		};
	}

	@RestController
	static class ProbeController {

		private final JdbcTemplate jdbc;

		private final AsyncTaskExecutor executor;

		ProbeController(JdbcTemplate jdbc, AsyncTaskExecutor executor) {
			this.jdbc = jdbc;
			this.executor = executor;
		}

		@GetMapping("/three")
		List<Integer> three() {
			return List.of(one(), one(), one());
		}

		@GetMapping("/customers/loop")
		List<String> customerLoop() {
			return this.jdbc.queryForList("select customer_id from probe_order order by id", Integer.class)
				.stream()
				.map(this::customerName)
				.toList();
		}

		@GetMapping("/customers/loop-then-header")
		List<String> customerLoopThenHeader() {
			List<String> names = this.jdbc
				.queryForList("select distinct customer_id from probe_order order by customer_id", Integer.class)
				.stream()
				.map(this::customerName)
				.toList();
			return List.of(header(1), String.join(",", names));
		}

		private String customerName(int id) {
			return this.jdbc.queryForObject("select name from probe_customer where id = ?", String.class, id);
		}

		private String header(int id) {
			return this.jdbc.queryForObject("select name from probe_customer where id = ?", String.class, id);
		}

		@GetMapping("/callable")
		Callable<Integer> callable() {
			return () -> one() + one();
		}

		@GetMapping("/deferred")
		DeferredResult<Integer> deferred() {
			DeferredResult<Integer> result = new DeferredResult<>();
			this.executor.execute(() -> result.setResult(one() + one() + one()));
			return result;
		}

		@GetMapping("/large")
		void large(HttpServletResponse response) throws IOException {
			response.setContentType("text/plain");
			one();
			for (int i = 0; i < 40_000; i++) {
				response.getOutputStream().write(("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
			}
			one();
		}

		@GetMapping("/streamed")
		void streamed(HttpServletResponse response) throws IOException {
			response.setContentType("text/plain");
			response.getWriter().write("first ");
			response.getWriter().flush();
			one();
			response.getWriter().write("second");
		}

		@GetMapping("/executor")
		Integer executor() throws Exception {
			CompletableFuture<Integer> result = this.executor.submitCompletable(this::one);
			return result.get() + one();
		}

		@GetMapping("/failing")
		String failing() {
			try {
				this.jdbc.queryForObject("select no_such_column from dual_table_that_is_missing", Integer.class);
				return "unexpected";
			}
			catch (RuntimeException ex) {
				return ex.getClass().getSimpleName();
			}
		}

		private int one() {
			return this.jdbc.queryForObject("select 1", Integer.class);
		}

	}

}
