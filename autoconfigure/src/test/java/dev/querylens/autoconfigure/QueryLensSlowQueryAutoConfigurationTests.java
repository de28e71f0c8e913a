package dev.querylens.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingType;
import dev.querylens.analysis.RecordingAnalyzer;
import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.explain.SlowQueryExplainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueryLensSlowQueryAutoConfiguration}.
 */
class QueryLensSlowQueryAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, QueryLensAutoConfiguration.class,
				QueryLensSlowQueryAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:explain-autoconfig-" + System.nanoTime());

	@Test
	void slowSelectsAreExplainedByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SlowQueryExplainer.class));
	}

	@Test
	void explainCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("querylens.slow-query.explain=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SlowQueryExplainer.class));
	}

	@Test
	void withQueryLensDisabledNothingIsExplained() {
		this.contextRunner.withPropertyValues("querylens.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SlowQueryExplainer.class));
	}

	@Test
	void anInvalidThresholdFailsTheStartWithAClearMessage() {
		this.contextRunner.withPropertyValues("querylens.slow-query.threshold=0ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'querylens.slow-query.threshold' must be positive"));
	}

	@Test
	void thePropertiesReachTheDetectors() {
		// Each pair straddles the property's value on the side the default would judge
		// the
		// other way, so a property that stopped reaching its detector fails here.
		this.contextRunner
			.withPropertyValues("querylens.slow-query.threshold=2s", "querylens.unbounded-result.rows=10",
					"querylens.batchable-writes.threshold=7")
			.run((context) -> {
				RecordingAnalyzer analyzer = context.getBean(RecordingAnalyzer.class);
				assertThat(typesOf(analyzer, statements(1, "select id from item where id = ?", 1, 1_500_000_000L)))
					.doesNotContain(FindingType.SLOW_QUERY);
				assertThat(typesOf(analyzer, statements(1, "select id from item where id = ?", 1, 2_500_000_000L)))
					.contains(FindingType.SLOW_QUERY);
				assertThat(typesOf(analyzer, statements(1, "select id from item", 10, 1000)))
					.doesNotContain(FindingType.UNBOUNDED_RESULT);
				assertThat(typesOf(analyzer, statements(1, "select id from item", 11, 1000)))
					.contains(FindingType.UNBOUNDED_RESULT);
				assertThat(typesOf(analyzer, statements(6, "insert into item (id, name) values (?, ?)", 1, 1000)))
					.doesNotContain(FindingType.BATCHABLE_WRITES);
				assertThat(typesOf(analyzer, statements(7, "insert into item (id, name) values (?, ?)", 1, 1000)))
					.contains(FindingType.BATCHABLE_WRITES);
			});
	}

	private static Recording statements(int count, String sql, long rows, long durationNanos) {
		Recording recording = Recording.start(Kind.TEST, null, "t", null, 100);
		for (int i = 0; i < count; i++) {
			recording.record(sql, List.of(i, "item " + i), 1, rows, 0, durationNanos, 1, "dataSource", null, null);
		}
		recording.finish(0, null);
		return recording;
	}

	private static List<FindingType> typesOf(RecordingAnalyzer analyzer, Recording recording) {
		return analyzer.analyze(recording).findings().stream().map(Finding::type).toList();
	}

}
