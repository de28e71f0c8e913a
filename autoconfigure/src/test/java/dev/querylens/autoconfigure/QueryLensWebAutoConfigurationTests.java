package dev.querylens.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueryLensWebAutoConfiguration}.
 */
class QueryLensWebAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(DataSourceAutoConfiguration.class,
			QueryLensAutoConfiguration.class, QueryLensWebAutoConfiguration.class);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:web-" + System.nanoTime());

	@Test
	void inAServletApplicationTheRecordingFilterIsRegisteredBeforeSpringSecurity() {
		this.contextRunner.run((context) -> {
			FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
			assertThat(registration.getFilterName()).isEqualTo("queryLensRecordingFilter");
			assertThat(registration.getOrder()).isLessThan(-100);
		});
	}

	@Test
	void whenDisabledThenNoFilterIsRegistered() {
		this.contextRunner.withPropertyValues("querylens.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void withoutSpringMvcNoFilterIsRegistered() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void outsideAWebApplicationNoFilterIsRegistered() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:plain-" + System.nanoTime())
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void anInvalidExcludePatternFailsTheStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("querylens.record.exclude-patterns=/static/**, /a/**/b")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("querylens.record.exclude-patterns[1] '/a/**/b' is not a path pattern"));
	}

	@Test
	void withoutTheActuatorNoPathIsLeftOutForIt() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(ActuatorEndpointPaths.class);
				assertThat(context.getBean(FilterRegistrationBean.class).getFilterName())
					.isEqualTo("queryLensRecordingFilter");
			});
	}

}
