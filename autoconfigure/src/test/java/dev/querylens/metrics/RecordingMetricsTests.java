package dev.querylens.metrics;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.IgnoreRules;
import dev.querylens.analysis.AssociationResolver;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.capture.CallSite;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecordingMetrics} and {@link RecordingTags}, with a
 * {@link SimpleMeterRegistry}.
 */
class RecordingMetricsTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final RecordingMetrics metrics = new RecordingMetrics(this.registry);

	private final RecordingAnalyzer analyzer = RecordingAnalyzer.withDefaultDetectors(3, AssociationResolver.none());

	@Test
	void aRequestIsOneSampleOfItsStatementCountAndTime() {
		this.metrics.onFinished(this.analyzer.analyze(request("GET", "/orders/fast", "/orders/fast", 200, 1)));
		this.metrics.onFinished(this.analyzer.analyze(request("GET", "/orders/fast", "/orders/fast", 200, 3)));
		assertThat(this.registry.get(RecordingMetrics.QUERIES)
			.tags("method", "GET", "pattern", "/orders/fast", "status", "200", "outcome", "SUCCESS")
			.summary()
			.totalAmount()).isEqualTo(4);
		assertThat(this.registry.get(RecordingMetrics.QUERY_TIME).timer().count()).isEqualTo(2);
		assertThat(this.registry.get(RecordingMetrics.QUERY_TIME).timer().totalTime(TimeUnit.NANOSECONDS))
			.isEqualTo(4 * 1000);
	}

	@Test
	void aTaskRunIsMeasuredUnderTaskMetersTaggedBySourceAndNameOnly() {
		Recording.Started started = Recording.start(Kind.TASK, "scheduled", "NightlyExport.export", null, 100);
		started.record("select * from orders", List.of(), 1, 3, 0, 1000, 1, "orders", site(10), null);
		for (int id = 1; id <= 3; id++) {
			started.record("select * from customer where id = ?", List.of(id), 1, 1, 0, 1000, 1, "orders", site(20),
					null);
		}
		Recording recording = started.finish(0, null);
		this.metrics.onFinished(this.analyzer.analyze(recording));
		assertThat(this.registry.get(RecordingMetrics.TASK_QUERIES).summary().getId().getTags()).extracting(Tag::getKey)
			.containsExactlyInAnyOrder("source", "name");
		assertThat(this.registry.get(RecordingMetrics.TASK_QUERIES)
			.tags("source", "scheduled", "name", "NightlyExport.export")
			.summary()
			.totalAmount()).isEqualTo(4);
		assertThat(this.registry.get(RecordingMetrics.TASK_QUERY_TIME).timer().count()).isEqualTo(1);
		assertThat(this.registry.get(RecordingMetrics.TASK_FINDINGS)
			.tags("type", "N_PLUS_ONE", "name", "NightlyExport.export", "dataSource", "orders")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.find(RecordingMetrics.QUERIES).meters()).isEmpty();
	}

	@Test
	void anNPlusOneIsCountedOnceByTypePatternAndDataSource() {
		Recording.Started started = Recording.start(Kind.HTTP, "GET", "/orders/slow", null, 100);
		started.record("select * from orders", List.of(), 1, 3, 0, 1000, 1, "orders", site(10), null);
		for (int id = 1; id <= 3; id++) {
			started.record("select * from customer where id = ?", List.of(id), 1, 1, 0, 1000, 1, "orders", site(20),
					null);
		}
		Recording recording = started.finish(200, "/orders/slow");
		this.metrics.onFinished(this.analyzer.analyze(recording));
		assertThat(this.registry.get(RecordingMetrics.FINDINGS)
			.tags("type", "N_PLUS_ONE", "pattern", "/orders/slow", "dataSource", "orders", "method", "GET")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void anIgnoredNPlusOneIsNotCounted() {
		Recording.Started started = Recording.start(Kind.HTTP, "GET", "/orders/slow", null, 100);
		started.record("select * from orders", List.of(), 1, 3, 0, 1000, 1, "orders", site(10), null);
		for (int id = 1; id <= 3; id++) {
			started.record("select * from customer where id = ?", List.of(id), 1, 1, 0, 1000, 1, "orders", site(20),
					null);
		}
		started.attach(IgnoreRules.IGNORED_BY_HANDLER, Set.of(FindingType.N_PLUS_ONE));
		Recording recording = started.finish(200, "/orders/slow");
		this.metrics.onFinished(this.analyzer.analyze(recording));
		assertThat(this.registry.find(RecordingMetrics.FINDINGS).counters()).isEmpty();
		assertThat(this.registry.get(RecordingMetrics.QUERIES).summary().totalAmount()).isEqualTo(4);
	}

	@Test
	void withoutAPatternTheTagSaysWhyNeverTheUri() {
		assertThat(RecordingTags.pattern(request("GET", "/owners/42", null, 404, 0))).isEqualTo("NOT_FOUND");
		assertThat(RecordingTags.pattern(request("GET", "/owners/42", null, 302, 0))).isEqualTo("REDIRECTION");
		assertThat(RecordingTags.pattern(request("GET", "/owners/42", null, 200, 0))).isEqualTo("UNKNOWN");
		assertThat(RecordingTags.pattern(request("GET", "/owners/42", "/owners/{id}", 200, 0)))
			.isEqualTo("/owners/{id}");
	}

	@Test
	void theStatusTagIsTheStatusCodeAndTheOutcomeItsClassAsBootNamesIt() {
		assertThat(RecordingTags.of(request("GET", "/pot", "/pot", 200, 0))).containsExactlyInAnyOrder(
				Tag.of("method", "GET"), Tag.of("pattern", "/pot"), Tag.of("status", "200"),
				Tag.of("outcome", "SUCCESS"));
		assertThat(RecordingTags.status(request("POST", "/pot", "/pot", 503, 0))).isEqualTo("503");
		assertThat(List.of(101, 204, 302, 418, 503)).map((status) -> request("GET", "/pot", "/pot", status, 0))
			.map(RecordingTags::outcome)
			.containsExactly("INFORMATIONAL", "SUCCESS", "REDIRECTION", "CLIENT_ERROR", "SERVER_ERROR");
	}

	@Test
	void anUnusualMethodOrStatusBecomesUnknown() {
		Recording recording = request("BREW", "/pot", "/pot", 999, 0);
		assertThat(RecordingTags.method(recording)).isEqualTo("UNKNOWN");
		assertThat(RecordingTags.status(recording)).isEqualTo("UNKNOWN");
		assertThat(RecordingTags.outcome(recording)).isEqualTo("UNKNOWN");
	}

	@Test
	void recordingsOfTestsAndTasksAreNotMetered() {
		Recording.Started started = Recording.start(Kind.TEST, null, "OrderTests.list", null, 100);
		Recording recording = started.finish(0, null);
		this.metrics.onFinished(this.analyzer.analyze(recording));
		assertThat(this.registry.getMeters()).isEmpty();
	}

	private static Recording request(String method, String uri, String pattern, int status, int queries) {
		Recording.Started started = Recording.start(Kind.HTTP, method, uri, null, 100);
		for (int i = 0; i < queries; i++) {
			started.record("select " + i, List.of(), 1, 1, 0, 1000, 1, "dataSource", null, null);
		}
		Recording recording = started.finish(status, pattern);
		return recording;
	}

	private static CallSite site(int line) {
		return new CallSite("com.example.OrderController", "list", "OrderController.java", line);
	}

}
