package dev.querylens.autoconfigure;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import dev.querylens.capture.Kind;
import dev.querylens.capture.Recording;
import dev.querylens.jdbc.JdbcCaptureSettings;
import dev.querylens.metrics.RecordingMetrics;
import dev.querylens.store.RecordingCollector;
import dev.querylens.store.RecordingStore;
import dev.querylens.web.dashboard.DashboardFilter;
import dev.querylens.web.RecordingFilter;
import dev.querylens.web.ToolbarInjector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code querylens.mode=lean}: {@link LeanModeEnvironmentPostProcessor} and the
 * background analysis of {@link QueryLensAutoConfiguration}.
 */
class LeanModeTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withInitializer(
			(context) -> new LeanModeEnvironmentPostProcessor().postProcessEnvironment(context.getEnvironment(), null))
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, QueryLensAutoConfiguration.class,
				QueryLensWebAutoConfiguration.class, QueryLensToolbarAutoConfiguration.class,
				MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, QueryLensMetricsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:lean-" + System.nanoTime());

	@Test
	void byDefaultTheToolbarCallSitesAndTheAnalysisRunOnTheRequest() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ToolbarInjector.class).doesNotHaveBean(BackgroundAnalysis.class);
			assertThat(context.getBean(JdbcCaptureSettings.class).callSites().isEnabled()).isTrue();
			assertThat(context.getBean(RecordingCollector.class).isInBackground()).isFalse();
			assertThat(context.getEnvironment()
				.getPropertySources()
				.contains(LeanModeEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
		});
	}

	@Test
	void leanModeHasNoToolbarNoCallSitesAndAnalysesInTheBackground() {
		this.contextRunner.withPropertyValues("querylens.mode=lean").run((context) -> {
			assertThat(context).doesNotHaveBean(ToolbarInjector.class).doesNotHaveBean(DashboardFilter.class);
			assertThat(context.getBean(JdbcCaptureSettings.class).callSites().isEnabled()).isFalse();
			assertThat(context.getBean(RecordingCollector.class).isInBackground()).isTrue();
			assertThat(context.getBean(QueryLensProperties.class).getMode()).isEqualTo(QueryLensProperties.Mode.LEAN);
			assertThat(recordingFilter(context)).isNotNull();
		});
	}

	@Test
	void inLeanModeRecordingsStillReachTheStoreAndTheMeters() {
		this.contextRunner.withPropertyValues("querylens.mode=lean").run((context) -> {
			RecordingCollector collector = context.getBean(RecordingCollector.class);
			Recording.Started started = Recording.start(Kind.HTTP, "GET", "/orders/7", null, 100);
			for (int i = 0; i < 4; i++) {
				started.record("select * from orders where id = " + i, List.of(), 1, 1, 0, 1000, 1, "dataSource", null,
						null);
			}
			Recording recording = started.finish(200, "/orders/{id}");
			assertThat(collector.collect(recording)).isNull();
			// One thread, first in first out: once a task submitted after the recording
			// has run, so has its analysis.
			context.getBean(BackgroundAnalysis.class).executor().submit(() -> {
			}).get();
			assertThat(context.getBean(RecordingStore.class).findById(recording.getId())).isPresent();
			assertThat(context.getBean(MeterRegistry.class).get(RecordingMetrics.QUERIES).summary().totalAmount())
				.isEqualTo(4);
		});
	}

	@Test
	void propertiesSetExplicitlyWinOverLeanMode() {
		this.contextRunner
			.withPropertyValues("querylens.mode=lean", "querylens.toolbar.enabled=true",
					"querylens.capture.call-site=first-app-frame")
			.run((context) -> {
				assertThat(context).hasSingleBean(ToolbarInjector.class);
				assertThat(context.getBean(JdbcCaptureSettings.class).callSites().isEnabled()).isTrue();
				assertThat(context.getBean(RecordingCollector.class).isInBackground()).isTrue();
			});
	}

	@Test
	void theFailActionKeepsTheAnalysisOnTheRequestInLeanMode() {
		this.contextRunner
			.withPropertyValues("querylens.mode=lean", "querylens.n-plus-one.action=fail",
					"spring.profiles.active=test")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(BackgroundAnalysis.class);
				assertThat(context.getBean(RecordingCollector.class).isInBackground()).isFalse();
				assertThat(context).doesNotHaveBean(ToolbarInjector.class);
			});
	}

	@Test
	void theAnalysisThreadStopsWithTheContext() {
		this.contextRunner.withPropertyValues("querylens.mode=lean").run((context) -> {
			BackgroundAnalysis analysis = context.getBean(BackgroundAnalysis.class);
			context.close();
			assertThat(analysis.executor().isShutdown()).isTrue();
		});
	}

	private static RecordingFilter recordingFilter(AssertableWebApplicationContext context) {
		return context.getBeansOfType(FilterRegistrationBean.class)
			.values()
			.stream()
			.map(FilterRegistrationBean::getFilter)
			.filter(RecordingFilter.class::isInstance)
			.map(RecordingFilter.class::cast)
			.findFirst()
			.orElse(null);
	}

}
