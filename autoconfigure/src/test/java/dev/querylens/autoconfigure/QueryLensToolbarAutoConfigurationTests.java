package dev.querylens.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.util.ReflectionTestUtils;

import dev.querylens.explain.QueryExplainer;
import dev.querylens.web.dashboard.DashboardFilter;
import dev.querylens.web.RecordingFilter;
import dev.querylens.web.ToolbarAccess;
import dev.querylens.web.ToolbarInjector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueryLensToolbarAutoConfiguration}.
 */
@org.junit.jupiter.api.extension.ExtendWith(OutputCaptureExtension.class)
class QueryLensToolbarAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, QueryLensAutoConfiguration.class,
				QueryLensWebAutoConfiguration.class, QueryLensToolbarAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:toolbar-" + System.nanoTime());

	@Test
	void inAServletApplicationTheDashboardAndTheBadgeAreOn(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ToolbarAccess.class)
				.hasSingleBean(ToolbarInjector.class)
				.hasSingleBean(QueryExplainer.class);
			assertThat(dashboardFilter(context)).isNotNull();
			RecordingFilter recording = recordingFilter(context);
			assertThat(ReflectionTestUtils.getField(recording, "injector"))
				.isSameAs(context.getBean(ToolbarInjector.class));
			assertThat((Iterable<?>) excludedPaths(recording)).asList().containsExactly("/querylens");
		});
		assertThat(output).containsOnlyOnce("QueryLens toolbar: badge on HTML pages and dashboard at /querylens, "
				+ "for clients 127.0.0.0/8, ::1 under localhost, *.localhost or an IP address (requests with Forwarded, X-Forwarded-* or X-Real-IP headers refused)");
	}

	@Test
	void anApplicationHonouringForwardedHeadersGetsARuleThatAllowsNobodyUnlessTrusted(CapturedOutput output) {
		String[][] honouring = { { "server.forward-headers-strategy=framework" },
				{ "server.forward-headers-strategy=NATIVE" }, { "spring.main.cloud-platform=kubernetes" },
				{ "spring.main.cloud-platform=heroku" } };
		for (String[] properties : honouring) {
			this.contextRunner.withPropertyValues(properties)
				.run((context) -> assertThat(context.getBean(ToolbarAccess.class).getClosedBecause()).as(properties[0])
					.contains("forwarded headers"));
			this.contextRunner.withPropertyValues(properties)
				.withPropertyValues("querylens.toolbar.trust-forwarded-headers=true")
				.run((context) -> assertThat(context.getBean(ToolbarAccess.class).getClosedBecause()).as(properties[0])
					.isNull());
		}
		String[][] notHonouring = { {}, { "server.forward-headers-strategy=none" },
				{ "spring.main.cloud-platform=kubernetes", "server.forward-headers-strategy=none" },
				{ "spring.main.cloud-platform=none" } };
		for (String[] properties : notHonouring) {
			this.contextRunner.withPropertyValues(properties)
				.run((context) -> assertThat(context.getBean(ToolbarAccess.class).getClosedBecause())
					.as(String.join(",", properties))
					.isNull());
		}
		assertThat(output).contains("QueryLens toolbar: off, every path under /querylens answers 404, because the "
				+ "application takes client addresses from forwarded headers (server.forward-headers-strategy=framework)");
	}

	@Test
	void thePathAndTheAllowedAddressesAreConfigurable() {
		this.contextRunner
			.withPropertyValues("querylens.toolbar.path=/_ql", "querylens.toolbar.allowed-addresses=10.0.0.0/8",
					"querylens.toolbar.trust-forwarded-headers=true")
			.run((context) -> {
				ToolbarAccess access = context.getBean(ToolbarAccess.class);
				assertThat(access.isAllowed("10.3.4.5")).isTrue();
				assertThat(access.isAllowed("127.0.0.1")).isFalse();
				assertThat(access.toString()).contains("forwarding headers trusted");
				assertThat(context.getBean(ToolbarInjector.class).getPath()).isEqualTo("/_ql");
				assertThat((Iterable<?>) excludedPaths(recordingFilter(context))).asList().contains("/_ql");
			});
	}

	@Test
	void anInvalidAllowedAddressFailsTheStartUp() {
		this.contextRunner.withPropertyValues("querylens.toolbar.allowed-addresses=my-laptop")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void whenTheToolbarIsDisabledThenThereIsNoDashboardAndNoBadge() {
		this.contextRunner.withPropertyValues("querylens.toolbar.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ToolbarInjector.class).doesNotHaveBean(QueryExplainer.class);
			assertThat(dashboardFilter(context)).isNull();
			RecordingFilter recording = recordingFilter(context);
			assertThat(ReflectionTestUtils.getField(recording, "injector")).isNull();
			assertThat((Iterable<?>) excludedPaths(recording)).asList().isEmpty();
		});
	}

	@Test
	void whenQueryLensIsDisabledThenThereIsNoToolbar() {
		this.contextRunner.withPropertyValues("querylens.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ToolbarInjector.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void withoutThymeleafThereIsNoToolbarButRecordingGoesOn() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.thymeleaf")).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(ToolbarInjector.class);
			assertThat(dashboardFilter(context)).isNull();
			assertThat(recordingFilter(context)).isNotNull();
		});
	}

	@Test
	void outsideAWebApplicationThereIsNoToolbar() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					QueryLensAutoConfiguration.class, QueryLensToolbarAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:toolbar-plain-" + System.nanoTime())
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ToolbarInjector.class)
				.doesNotHaveBean(QueryExplainer.class));
	}

	private static DashboardFilter dashboardFilter(org.springframework.context.ApplicationContext context) {
		return context.getBeansOfType(FilterRegistrationBean.class)
			.values()
			.stream()
			.map(FilterRegistrationBean::getFilter)
			.filter(DashboardFilter.class::isInstance)
			.map(DashboardFilter.class::cast)
			.findFirst()
			.orElse(null);
	}

	private static RecordingFilter recordingFilter(org.springframework.context.ApplicationContext context) {
		return context.getBeansOfType(FilterRegistrationBean.class)
			.values()
			.stream()
			.map(FilterRegistrationBean::getFilter)
			.filter(RecordingFilter.class::isInstance)
			.map(RecordingFilter.class::cast)
			.findFirst()
			.orElse(null);
	}

	private static Object excludedPaths(RecordingFilter filter) {
		return ReflectionTestUtils.getField(ReflectionTestUtils.getField(filter, "recorded"), "excludedPaths");
	}

}
