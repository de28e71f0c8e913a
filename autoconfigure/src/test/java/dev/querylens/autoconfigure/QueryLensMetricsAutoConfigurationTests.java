package dev.querylens.autoconfigure;

import java.util.Arrays;
import java.util.List;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.metrics.RecordingMetrics;
import dev.querylens.metrics.RecordingObservationListener;
import dev.querylens.metrics.RecordingStoreMetrics;
import dev.querylens.store.InMemoryRecordingStore;
import dev.querylens.store.RecordingCollector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueryLensMetricsAutoConfiguration}.
 */
class QueryLensMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, QueryLensAutoConfiguration.class,
				MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, ObservationAutoConfiguration.class,
				QueryLensMetricsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:metrics-" + System.nanoTime());

	@Test
	void withMicrometerTheMetersAndTheObservationKeyValuesAreRegistered() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RecordingMetrics.class);
			assertThat(context).hasSingleBean(RecordingObservationListener.class);
			collect(context.getBean(RecordingCollector.class), 7);
			assertThat(context.getBean(MeterRegistry.class).get(RecordingMetrics.QUERIES).summary().totalAmount())
				.isEqualTo(7);
		});
	}

	@Test
	void theStoreGaugesShowItsEstimatedSizeAndItsRecordings() {
		this.contextRunner.withPropertyValues("querylens.store.max-size=1MB").run((context) -> {
			assertThat(context).hasSingleBean(RecordingStoreMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(RecordingStoreMetrics.SIZE).gauge().value()).isZero();
			collect(context.getBean(RecordingCollector.class), 3);
			collect(context.getBean(RecordingCollector.class), 3);
			InMemoryRecordingStore store = context.getBean(InMemoryRecordingStore.class);
			assertThat(store.getMaxSize()).isEqualTo(1024 * 1024);
			assertThat(registry.get(RecordingStoreMetrics.SIZE).gauge().value()).isPositive()
				.isEqualTo((double) store.getSize());
			assertThat(registry.get(RecordingStoreMetrics.RECORDINGS).gauge().value()).isEqualTo(2);
		});
	}

	@Test
	void whenMetricsAreDisabledThenNoMeterIsRecorded() {
		this.contextRunner.withPropertyValues("querylens.metrics.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(RecordingMetrics.class);
			assertThat(context).doesNotHaveBean(RecordingStoreMetrics.class);
			assertThat(context).doesNotHaveBean(RecordingObservationListener.class);
			collect(context.getBean(RecordingCollector.class), 7);
			assertThat(context.getBean(MeterRegistry.class).find(RecordingMetrics.QUERIES).meters()).isEmpty();
		});
	}

	@Test
	void withoutMicrometerOnTheClasspathNothingIsRegisteredAndRecordingStillWorks() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					QueryLensAutoConfiguration.class, QueryLensMetricsAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:no-micrometer-" + System.nanoTime())
			.withClassLoader(new FilteredClassLoader("io.micrometer."))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(RecordingCollector.class);
				assertThat(context).doesNotHaveBean(RecordingMetrics.class);
				assertThat(context).doesNotHaveBean(RecordingObservationListener.class);
			});
	}

	@Test
	void withoutAMeterRegistryBeanNoMetersAreRegistered() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					QueryLensAutoConfiguration.class, QueryLensMetricsAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:no-registry-" + System.nanoTime())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(RecordingMetrics.class);
				assertThat(context).doesNotHaveBean(ObservationRegistry.class);
				assertThat(context).doesNotHaveBean(RecordingObservationListener.class);
			});
	}

	@Test
	void whenQueryLensIsDisabledThenNoMetersAreRegistered() {
		this.contextRunner.withPropertyValues("querylens.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RecordingMetrics.class));
	}

	@Test
	void bootsDistributionPropertiesSwitchOnPercentilesAndTheHistogram() {
		this.contextRunner
			.withPropertyValues("management.metrics.distribution.percentiles-histogram.querylens.recording=true",
					"management.metrics.distribution.percentiles.querylens.recording.queries=0.5,0.99",
					"management.metrics.distribution.maximum-expected-value.querylens.recording.queries=100")
			.run((context) -> {
				RecordingCollector collector = context.getBean(RecordingCollector.class);
				for (int count = 1; count <= 10; count++) {
					collect(collector, count);
				}
				DistributionSummary summary = context.getBean(MeterRegistry.class)
					.get(RecordingMetrics.QUERIES)
					.summary();
				HistogramSnapshot snapshot = summary.takeSnapshot();
				assertThat(Arrays.stream(snapshot.percentileValues()).map((value) -> value.percentile()))
					.containsExactly(0.5, 0.99);
			});
	}

	@Test
	void bootsHistogramPropertyAddsBucketsToThePrometheusScrape() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(PrometheusMetricsExportAutoConfiguration.class))
			.withPropertyValues("management.metrics.distribution.percentiles-histogram.querylens.recording=true")
			.run((context) -> {
				collect(context.getBean(RecordingCollector.class), 4);
				String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
				assertThat(scrape).contains("querylens_recording_queries_bucket{")
					.contains("querylens_recording_query_time_seconds_bucket{")
					.contains(
							"querylens_recording_queries_count{method=\"GET\",outcome=\"SUCCESS\",pattern=\"/orders/{id}\",status=\"200\"} 1");
			});
		this.contextRunner.withConfiguration(AutoConfigurations.of(PrometheusMetricsExportAutoConfiguration.class))
			.run((context) -> {
				collect(context.getBean(RecordingCollector.class), 4);
				assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
					.contains("querylens_recording_queries_count{")
					.doesNotContain("querylens_recording_queries_bucket");
			});
	}

	@Test
	void withoutDistributionPropertiesThereAreNoPercentilesNorHistogram() {
		this.contextRunner.run((context) -> {
			collect(context.getBean(RecordingCollector.class), 3);
			HistogramSnapshot snapshot = context.getBean(MeterRegistry.class)
				.get(RecordingMetrics.QUERIES)
				.summary()
				.takeSnapshot();
			assertThat(snapshot.percentileValues()).isEmpty();
			assertThat(snapshot.histogramCounts()).isEmpty();
		});
	}

	private static void collect(RecordingCollector collector, int queries) {
		Recording.Started started = Recording.start(Kind.HTTP, "GET", "/orders/7", null, 100);
		for (int i = 0; i < queries; i++) {
			started.record("select * from orders where id = " + i, List.of(), 1, 1, 0, 1000, 1, "dataSource", null,
					null);
		}
		Recording recording = started.finish(200, "/orders/{id}");
		collector.collect(recording);
	}

}
