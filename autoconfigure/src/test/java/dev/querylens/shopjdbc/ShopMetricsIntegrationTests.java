package dev.querylens.shopjdbc;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.querylens.jdbc.RecordingDataSource;
import dev.querylens.metrics.RecordingMetrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QueryLens's meters after real HTTP requests, beside datasource-micrometer (on this
 * module's test classpath), which wraps the same data source and records its own
 * {@code jdbc.query} observations: each statement is counted once by each, and QueryLens
 * never writes {@code jdbc.*} meters.
 */
@SpringBootTest(classes = ShopJdbcApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:shop-metrics;DB_CLOSE_DELAY=-1")
class ShopMetricsIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private DataSource dataSource;

	@BeforeEach
	void clearMeters() {
		this.registry.clear();
	}

	@Test
	void queriesPerRequestAreSummarisedByPatternMethodAndStatus() throws Exception {
		assertThat(get("/shop/slow").statusCode()).isEqualTo(200);
		assertThat(get("/shop/slow").statusCode()).isEqualTo(200);
		assertThat(get("/shop/fast").statusCode()).isEqualTo(200);
		DistributionSummary slow = this.registry.get(RecordingMetrics.QUERIES)
			.tags("pattern", "/shop/slow", "method", "GET", "status", "200", "outcome", "SUCCESS")
			.summary();
		assertThat(slow.count()).isEqualTo(2);
		assertThat(slow.totalAmount()).isEqualTo(2 * (1 + ShopJdbcApplication.ORDERS));
		assertThat(slow.getId().getBaseUnit()).isEqualTo("queries");
		DistributionSummary fast = this.registry.get(RecordingMetrics.QUERIES).tags("pattern", "/shop/fast").summary();
		assertThat(fast.count()).isEqualTo(1);
		assertThat(fast.totalAmount()).isEqualTo(1);
		Timer time = this.registry.get(RecordingMetrics.QUERY_TIME).tags("pattern", "/shop/slow").timer();
		assertThat(time.count()).isEqualTo(2);
		assertThat(time.totalTime(TimeUnit.NANOSECONDS)).isPositive();
	}

	@Test
	void findingsAreCountedByTypeAndPattern() throws Exception {
		get("/shop/slow");
		get("/shop/fast");
		Counter nPlusOne = this.registry.get(RecordingMetrics.FINDINGS)
			.tags("type", "N_PLUS_ONE", "pattern", "/shop/slow", "dataSource", "dataSource")
			.counter();
		assertThat(nPlusOne.count()).isEqualTo(1);
		assertThat(this.registry.find(RecordingMetrics.FINDINGS).tags("pattern", "/shop/fast").counters()).isEmpty();
	}

	@Test
	void noTagCarriesARawUriSqlOrParameter() throws Exception {
		get("/shop/customers/3");
		get("/shop/customers/4?secret=s3cr3t");
		get("/shop/no-such-page");
		List<Meter> meters = this.registry.getMeters()
			.stream()
			.filter((meter) -> meter.getId().getName().startsWith("querylens."))
			.toList();
		assertThat(meters).isNotEmpty();
		List<String> values = meters.stream()
			.flatMap((meter) -> meter.getId().getTags().stream())
			.map(Tag::getValue)
			.toList();
		// The 404 ran no statement, so it is not kept and not metered: it must not leak
		// its path either way.
		assertThat(values).contains("/shop/customers/{id}")
			.noneMatch((value) -> value.contains("/shop/customers/3") || value.contains("/shop/customers/4"))
			.noneMatch((value) -> value.contains("s3cr3t") || value.contains("no-such-page"))
			.noneMatch((value) -> value.toLowerCase(Locale.ROOT).contains("select"));
	}

	@Test
	void theApplicationsHttpServerRequestsMeterHasExactlyBootsTags() throws Exception {
		get("/shop/slow");
		get("/shop/fast");
		get("/shop/no-such-page");
		List<Timer> requests = List.copyOf(this.registry.get("http.server.requests").timers());
		assertThat(requests).hasSize(3)
			.allSatisfy((timer) -> assertThat(timer.getId().getTags()).extracting(Tag::getKey)
				.containsExactlyInAnyOrder("error", "exception", "method", "outcome", "status", "uri"));
	}

	@Test
	void queryLensMetersHaveTheDocumentedTags() throws Exception {
		get("/shop/slow");
		assertThat(this.registry.get(RecordingMetrics.QUERIES).meter().getId().getTags()).extracting(Tag::getKey)
			.containsExactlyInAnyOrder("method", "outcome", "pattern", "status");
		assertThat(this.registry.get(RecordingMetrics.QUERY_TIME).meter().getId().getTags()).extracting(Tag::getKey)
			.containsExactlyInAnyOrder("method", "outcome", "pattern", "status");
		assertThat(this.registry.get(RecordingMetrics.FINDINGS).meter().getId().getTags()).extracting(Tag::getKey)
			.containsExactlyInAnyOrder("method", "outcome", "pattern", "status", "type", "dataSource");
	}

	@Test
	void besideDatasourceMicrometerEachStatementIsCountedOnceByEach() throws Exception {
		// datasource-micrometer's proxy is outermost, QueryLens's wrapper inside it.
		assertThat(this.dataSource).isNotInstanceOf(RecordingDataSource.class);
		assertThat(Proxy.isProxyClass(this.dataSource.getClass())).isTrue();
		assertThat(this.dataSource.unwrap(RecordingDataSource.class)).isInstanceOf(RecordingDataSource.class);
		get("/shop/slow");
		long statements = 1 + ShopJdbcApplication.ORDERS;
		assertThat(this.registry.get(RecordingMetrics.QUERIES).summary().totalAmount()).isEqualTo(statements);
		assertThat(this.registry.get("jdbc.query").timers().stream().mapToLong(Timer::count).sum())
			.isEqualTo(statements);
		assertThat(this.registry.getMeters()).noneMatch((meter) -> meter.getId().getName().startsWith("jdbc.")
				&& meter.getId().getTags().stream().anyMatch((tag) -> tag.getKey().startsWith("querylens")));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
