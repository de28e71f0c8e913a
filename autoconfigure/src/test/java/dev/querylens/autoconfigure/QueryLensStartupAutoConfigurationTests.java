package dev.querylens.autoconfigure;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.querylens.actuate.QueriesEndpoint;
import dev.querylens.jdbc.RecordingDataSource;
import dev.querylens.metrics.RecordingMetrics;
import dev.querylens.store.RecordingCollector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueryLensStartupAutoConfiguration}, and for what a WebFlux application
 * gets: QueryLens records no reactive request, says so in one line, and registers nothing
 * that would stay empty.
 */
@ExtendWith(OutputCaptureExtension.class)
class QueryLensStartupAutoConfigurationTests {

	private static final AutoConfigurations QUERYLENS = AutoConfigurations.of(EndpointAutoConfiguration.class,
			DataSourceAutoConfiguration.class, QueryLensAutoConfiguration.class, QueryLensWebAutoConfiguration.class,
			QueryLensToolbarAutoConfiguration.class, QueriesEndpointAutoConfiguration.class,
			QueryLensMetricsAutoConfiguration.class, QueryLensStartupAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(QUERYLENS)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:reactive-" + System.nanoTime(),
				"management.endpoints.web.exposure.include=queries");

	@Test
	void aWebFluxApplicationGetsNoEndpointNoMetersAndNoToolbar() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(QueriesEndpoint.class);
			assertThat(context).doesNotHaveBean(RecordingMetrics.class);
			assertThat(context).doesNotHaveBean("dashboardFilter");
			assertThat(context).doesNotHaveBean("recordingFilter");
		});
	}

	@Test
	void aWebFluxApplicationKeepsTheWrappedDataSourceForTheTestApi() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RecordingCollector.class);
			assertThat(context.getBean(javax.sql.DataSource.class).isWrapperFor(RecordingDataSource.class)).isTrue();
		});
	}

	@Test
	void aWebFluxApplicationIsToldInOneInfoLineThatItsRequestsAreNotRecorded(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader("jakarta.servlet"))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getOut().lines().filter((line) -> line.contains("QueryLens does not record WebFlux")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("INFO")
				.contains("QueryLens does not record WebFlux requests: it wraps data source 'dataSource' for its test "
						+ "API only, and registers no toolbar, no /actuator/queries and no meters"));
	}

	@Test
	void aServletApplicationKeepsTheEndpointAndTheMeters() {
		new WebApplicationContextRunner().withConfiguration(QUERYLENS)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:servlet-" + System.nanoTime(),
					"management.endpoints.web.exposure.include=queries")
			.run((context) -> {
				assertThat(context).hasSingleBean(QueriesEndpoint.class);
				assertThat(context).hasSingleBean(RecordingMetrics.class);
				assertThat(context).hasSingleBean(QueryLensStartupLogger.class);
			});
	}

	@Test
	void anApplicationWithoutAWebServerHasNoStartupLine() {
		new ApplicationContextRunner().withConfiguration(QUERYLENS)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:plain-" + System.nanoTime())
			.run((context) -> assertThat(context).doesNotHaveBean(QueryLensStartupLogger.class));
	}

	@Test
	void whenQueryLensIsDisabledThereIsNoStartupLine() {
		this.contextRunner.withPropertyValues("querylens.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(QueryLensStartupLogger.class));
	}

	@Test
	void theServletLineNamesEveryDataSourceAndTheDashboard() {
		assertThat(
				QueryLensStartupLogger.servletLine(List.of("orders", "audit"), "http://localhost:8080/shop/querylens"))
			.isEqualTo("QueryLens records the queries of each HTTP request on data sources 'orders', 'audit'; "
					+ "dashboard at http://localhost:8080/shop/querylens");
		assertThat(QueryLensStartupLogger.servletLine(List.of("dataSource"), null))
			.isEqualTo("QueryLens records the queries of each HTTP request on data source 'dataSource'; "
					+ "no dashboard (querylens.toolbar.enabled=false)");
	}

}
