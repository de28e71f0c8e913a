package dev.querylens.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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
		this.contextRunner
			.withPropertyValues("querylens.slow-query.threshold=2s", "querylens.unbounded-result.rows=10",
					"querylens.batchable-writes.threshold=7")
			.run((context) -> {
				QueryLensProperties properties = context.getBean(QueryLensProperties.class);
				assertThat(properties.getSlowQuery().getThreshold()).hasSeconds(2);
				assertThat(properties.getUnboundedResult().getRows()).isEqualTo(10);
				assertThat(properties.getBatchableWrites().getThreshold()).isEqualTo(7);
			});
	}

}
