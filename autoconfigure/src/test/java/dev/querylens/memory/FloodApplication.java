package dev.querylens.memory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application whose every request runs ten statements of a megabyte each, flooded with
 * requests by its own {@link #main}, which prints the largest store size its gauge
 * showed. Run in a JVM of its own with a small heap by {@link MemoryFloodTests}; without
 * QueryLens's bounds it runs out of memory.
 */
@SpringBootApplication
public class FloodApplication {

	static final int STATEMENTS_PER_REQUEST = 10;

	static final int STATEMENT_LENGTH = 1024 * 1024;

	/**
	 * Starts the application, sends the requests and prints what the store's gauges
	 * showed.
	 * @param args the number of requests, then Spring Boot arguments
	 * @throws Exception when a request fails
	 */
	public static void main(String[] args) throws Exception {
		int requests = Integer.parseInt(args[0]);
		String[] bootArgs = new String[args.length - 1];
		System.arraycopy(args, 1, bootArgs, 0, bootArgs.length);
		try (ConfigurableApplicationContext context = new SpringApplication(FloodApplication.class).run(bootArgs)) {
			int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			HttpClient client = HttpClient.newHttpClient();
			double largest = 0;
			for (int i = 0; i < requests; i++) {
				HttpResponse<String> response = client.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/flood")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					throw new IllegalStateException("Request " + i + " answered " + response.statusCode());
				}
				Gauge size = registry.find("querylens.store.size").gauge();
				largest = Math.max(largest, (size != null) ? size.value() : -1);
			}
			Gauge recordings = registry.find("querylens.store.recordings").gauge();
			System.out.println("requests=" + requests);
			System.out.println("largest-store-size=" + (long) largest);
			System.out.println("recordings=" + ((recordings != null) ? (long) recordings.value() : -1));
		}
	}

	@RestController
	static class FloodController {

		private final JdbcTemplate jdbc;

		FloodController(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/flood")
		int flood() {
			int total = 0;
			for (int i = 0; i < STATEMENTS_PER_REQUEST; i++) {
				total += this.jdbc.queryForObject(hugeStatement(), Integer.class);
			}
			return total;
		}

		// A new string for every statement, as an application building SQL with inlined
		// values would make.
		private static String hugeStatement() {
			StringBuilder sql = new StringBuilder(STATEMENT_LENGTH + 32).append("select 1 /* ");
			ThreadLocalRandom random = ThreadLocalRandom.current();
			while (sql.length() < STATEMENT_LENGTH) {
				sql.append((char) ('a' + random.nextInt(26)));
			}
			return sql.append(" */").toString();
		}

	}

}
