package dev.querylens.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.querylens.explain.QueryExplainer;
import dev.querylens.explain.QueryPlans;
import dev.querylens.store.RecordingCollector;
import dev.querylens.store.RecordingStore;
import dev.querylens.web.dashboard.DashboardFilter;
import dev.querylens.web.ToolbarAccess;
import dev.querylens.web.ToolbarInjector;

/**
 * Auto-configuration of the toolbar: the badge injected into HTML pages and the dashboard
 * at {@code querylens.toolbar.path}, both served only to the clients
 * {@code querylens.toolbar.allowed-addresses} allows. Needs plain Thymeleaf, which the
 * starter brings; the app's own view setup is never touched.
 */
@AutoConfiguration(after = QueryLensAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = { "org.thymeleaf.TemplateEngine", "org.springframework.web.servlet.DispatcherServlet" })
@ConditionalOnBooleanProperty(name = "querylens.toolbar.enabled", matchIfMissing = true)
@ConditionalOnBean(RecordingCollector.class)
public final class QueryLensToolbarAutoConfiguration {

	private static final Log logger = LogFactory.getLog(QueryLensToolbarAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	ToolbarAccess toolbarAccess(QueryLensProperties properties, Environment environment) {
		return access(properties.getToolbar(), environment);
	}

	/**
	 * Creates the rule of who may see QueryLens: nobody when the application takes client
	 * addresses from forwarded headers and they are not trusted explicitly, since any
	 * client could then claim to be local.
	 * @param toolbar the toolbar's properties
	 * @param environment the application's environment
	 * @return the rule
	 */
	static ToolbarAccess access(QueryLensProperties.Toolbar toolbar, Environment environment) {
		if (!toolbar.isTrustForwardedHeaders()) {
			String because = ForwardedHeaders.honouredBecause(environment);
			if (because != null) {
				return ToolbarAccess.closed(because);
			}
		}
		return ToolbarAccess.of(toolbar.getAllowedAddresses(), toolbar.getAllowedHosts(),
				toolbar.isTrustForwardedHeaders());
	}

	@Bean
	@ConditionalOnMissingBean
	ToolbarInjector toolbarInjector(ToolbarAccess access, QueryLensProperties properties, Environment environment) {
		QueryLensProperties.Toolbar toolbar = properties.getToolbar();
		// A test compares the page the application renders: the badge would differ in
		// every response.
		boolean badge = toolbar.isBadgeInTests() || !TestFramework.builtContextOf(environment);
		return new ToolbarInjector(access, toolbar.getPath(), badge);
	}

	@Bean
	@ConditionalOnMissingBean
	QueryExplainer queryExplainer(BeanFactory beanFactory) {
		return new QueryExplainer(new RecordedDataSources(beanFactory));
	}

	@Bean
	FilterRegistrationBean<DashboardFilter> dashboardFilter(RecordingStore store, ToolbarAccess access,
			QueryLensProperties properties, QueryExplainer explainer, ObjectProvider<QueryPlans> plans,
			Environment environment) {
		String path = properties.getToolbar().getPath();
		DashboardFilter filter = new DashboardFilter(store, access, path, properties.getCapture().isParameters(),
				explainer, plans.getIfAvailable(QueryPlans::none));
		FilterRegistrationBean<DashboardFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setName("queryLensDashboardFilter");
		// Just before the recording filter: QueryLens's own requests are never recorded.
		registration.setOrder(QueryLensWebAutoConfiguration.FILTER_ORDER - 1);
		if (access.getClosedBecause() != null) {
			logger.info("QueryLens toolbar: off, every path under " + path + " answers 404, because "
					+ access.getClosedBecause());
		}
		else {
			logger.info("QueryLens toolbar: badge on HTML pages and dashboard at "
					+ environment.getProperty("server.servlet.context-path", "") + path + ", for clients " + access);
		}
		return registration;
	}

}
