package dev.querylens.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;

import dev.querylens.store.FindingLogger;
import dev.querylens.analysis.FindingFailure;
import dev.querylens.web.ResponseVeto;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueryLensFailActionAutoConfiguration}: the fail action only in tests.
 */
class QueryLensFailActionAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, QueryLensAutoConfiguration.class,
				QueryLensFailActionAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:fail-" + System.nanoTime());

	@Test
	void outsideATestTheFailActionIsRefusedAtStartUpWithAClearMessage() {
		this.contextRunner.withPropertyValues("querylens.n-plus-one.action=fail")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("querylens.n-plus-one.action=fail")
				.hasMessageContaining("only allowed in tests")
				.hasMessageContaining("'test' profile"));
	}

	@Test
	void anotherProfileIsNotATest() {
		this.contextRunner.withPropertyValues("querylens.n-plus-one.action=fail", "spring.profiles.active=prod,testing")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void withTheTestProfileTheFailActionIsAllowed() {
		this.contextRunner.withPropertyValues("querylens.n-plus-one.action=fail", "spring.profiles.active=test")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(FindingFailure.class);
				assertThat(context).doesNotHaveBean(FindingLogger.class);
			});
	}

	@Test
	void inAContextBuiltBySpringsTestFrameworkTheFailActionIsAllowed() {
		this.contextRunner.withPropertyValues("querylens.n-plus-one.action=fail")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource(TestFramework.INLINED_PROPERTIES,
						Map.of("org.springframework.boot.test.context.SpringBootTestContextBootstrapper", "true"))))
			.run((context) -> assertThat(context).hasSingleBean(FindingFailure.class));
	}

	@Test
	void inAWebApplicationTheFailActionVetoesResponses() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					QueryLensAutoConfiguration.class, QueryLensFailActionAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:fail-web-" + System.nanoTime(),
					"querylens.n-plus-one.action=fail", "spring.profiles.active=test")
			.run((context) -> assertThat(context).hasSingleBean(ResponseVeto.class));
	}

	@Test
	void withTheDefaultActionNothingFails() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(FindingFailure.class);
			assertThat(context).doesNotHaveBean(ResponseVeto.class);
			assertThat(context).hasSingleBean(FindingLogger.class);
		});
	}

}
