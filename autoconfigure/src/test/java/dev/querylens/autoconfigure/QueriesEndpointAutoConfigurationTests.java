package dev.querylens.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.querylens.actuate.QueriesEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueriesEndpointAutoConfiguration}.
 */
class QueriesEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, DataSourceAutoConfiguration.class,
				QueryLensAutoConfiguration.class, QueriesEndpointAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:endpoint-" + System.nanoTime());

	@Test
	void theEndpointIsNotAvailableUnlessExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(QueriesEndpoint.class));
	}

	@Test
	void whenExposedOverHttpTheEndpointIsAvailable() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=queries")
			.run((context) -> assertThat(context).hasSingleBean(QueriesEndpoint.class));
	}

	@Test
	void withoutTheActuatorThereIsNoEndpoint() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					QueryLensAutoConfiguration.class, QueriesEndpointAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:no-actuator-" + System.nanoTime(),
					"management.endpoints.web.exposure.include=queries")
			.run((context) -> assertThat(context).doesNotHaveBean(QueriesEndpoint.class));
	}

	@Test
	void whenQueryLensIsDisabledThereIsNoEndpoint() {
		this.contextRunner
			.withPropertyValues("querylens.enabled=false", "management.endpoints.web.exposure.include=queries")
			.run((context) -> assertThat(context).doesNotHaveBean(QueriesEndpoint.class));
	}

}
