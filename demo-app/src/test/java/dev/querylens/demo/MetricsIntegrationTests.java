package dev.querylens.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.querylens.it.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QueryLens's meters after real HTTP requests to the demo's slow and fast pages: in the
 * registry with the right counts and tags, and in the Prometheus scrape at
 * {@code /actuator/prometheus}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:shop-metrics;DB_CLOSE_DELAY=-1",
				"management.prometheus.metrics.export.enabled=true" })
@TestDatabase("h2")
class MetricsIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	@BeforeEach
	void clearMeters() {
		this.registry.clear();
	}

	@Test
	void theSlowAndFastPagesAreSummarisedWithTheirCountsAndTags() throws Exception {
		get("/orders/slow");
		get("/orders/slow");
		get("/orders/fast");
		DistributionSummary slow = this.registry.get("querylens.recording.queries")
			.tags("method", "GET", "pattern", "/orders/slow", "status", "200", "outcome", "SUCCESS")
			.summary();
		assertThat(slow.count()).isEqualTo(2);
		assertThat(slow.totalAmount()).isEqualTo(22);
		assertThat(slow.max()).isEqualTo(11);
		DistributionSummary fast = this.registry.get("querylens.recording.queries")
			.tags("pattern", "/orders/fast")
			.summary();
		assertThat(fast.count()).isEqualTo(1);
		assertThat(fast.totalAmount()).isEqualTo(1);
		assertThat(this.registry.get("querylens.recording.query.time").tags("pattern", "/orders/slow").timer().count())
			.isEqualTo(2);
		assertThat(this.registry.get("querylens.findings")
			.tags("type", "N_PLUS_ONE", "pattern", "/orders/slow", "dataSource", "dataSource")
			.counter()
			.count()).isEqualTo(2);
		assertThat(this.registry.find("querylens.findings").tags("pattern", "/orders/fast").counters()).isEmpty();
	}

	@Test
	void thePrometheusScrapeHoldsTheMetersAndNoTagCarriesAUriSqlOrParameter() throws Exception {
		get("/orders/slow");
		get("/orders/fast?page=2&secret=s3cr3t");
		HttpResponse<String> scrape = get("/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		List<String> lines = scrape.body().lines().filter((line) -> line.startsWith("querylens_")).toList();
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("querylens_recording_queries_count{")
			.contains("pattern=\"/orders/slow\"")
			.contains("method=\"GET\"")
			.contains("status=\"200\"")
			.contains("outcome=\"SUCCESS\"")
			.matches(".*\\} 1(\\.0)?"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("querylens_recording_queries_sum{")
			.contains("pattern=\"/orders/slow\"")
			.matches(".*\\} 11(\\.0)?"));
		assertThat(lines)
			.anySatisfy((line) -> assertThat(line).startsWith("querylens_recording_query_time_seconds_count{")
				.contains("pattern=\"/orders/fast\""));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("querylens_findings_total{")
			.contains("type=\"N_PLUS_ONE\"")
			.contains("pattern=\"/orders/slow\"")
			.matches(".*\\} 1(\\.0)?"));
		// The application's own meters keep their tags: finding types are on the
		// request's trace span only.
		assertThat(scrape.body()).doesNotContain("querylens_findings=");
		assertThat(lines).noneMatch((line) -> line.contains("s3cr3t") || line.contains("page=2")
				|| line.toLowerCase(Locale.ROOT).contains("select") || line.contains("customer"));
		List<String> tagValues = this.registry.getMeters()
			.stream()
			.filter((meter) -> meter.getId().getName().startsWith("querylens."))
			.flatMap((meter) -> meter.getId().getTags().stream())
			.map(Tag::getValue)
			.toList();
		assertThat(tagValues).isNotEmpty().noneMatch((value) -> value.contains("?") || value.contains("secret"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
