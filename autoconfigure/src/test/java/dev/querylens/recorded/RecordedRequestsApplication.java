package dev.querylens.recorded;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * An application with pages that run statements or none, a missing thing its controller
 * looked up, static files (from {@code classpath:/recorded-static/}), and actuator
 * endpoints: which of its requests QueryLens records.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class RecordedRequestsApplication {

	@RestController
	static class Pages {

		private final JdbcTemplate jdbc;

		Pages(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping({ "/page", "/admin/users", "/assets/generated.js" })
		String page() {
			return String.valueOf(this.jdbc.queryForObject("select 1", Integer.class));
		}

		@GetMapping("/no-statements")
		String noStatements() {
			return "nothing to look up";
		}

		@GetMapping("/orders/missing")
		String missing() {
			this.jdbc.queryForObject("select count(*) from information_schema.tables where table_name = ?",
					Integer.class, "NO_SUCH_ORDER");
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such order");
		}

	}

}
