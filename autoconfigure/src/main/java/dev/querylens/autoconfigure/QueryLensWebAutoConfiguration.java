package dev.querylens.autoconfigure;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.querylens.analysis.SqlFingerprint;
import dev.querylens.capture.SqlTextLimit;
import dev.querylens.store.RecordingCollector;
import dev.querylens.web.AsyncRecordingInterceptor;
import dev.querylens.web.IgnoredFindingsInterceptor;
import dev.querylens.web.RecordedRequests;
import dev.querylens.web.RecordingFilter;
import dev.querylens.web.ResponseVeto;
import dev.querylens.web.ToolbarAccess;
import dev.querylens.web.ToolbarInjector;
import dev.querylens.web.ViewPhaseInterceptor;

/**
 * Auto-configuration of per-request recording in a servlet web application: the filter,
 * and the hooks into Spring MVC's view rendering and async processing.
 */
@AutoConfiguration(after = QueryLensAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(RecordingCollector.class)
public final class QueryLensWebAutoConfiguration {

	// Before Spring Security (-100) and the app's filters, after the character encoding
	// filter.
	static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	@Bean
	FilterRegistrationBean<RecordingFilter> recordingFilter(RecordingCollector collector,
			QueryLensProperties properties, ObjectProvider<ToolbarInjector> toolbar, ObjectProvider<ResponseVeto> veto,
			ObjectProvider<ActuatorEndpointPaths> actuatorPaths, ObjectProvider<ToolbarAccess> toolbarAccess,
			Environment environment) {
		ToolbarInjector injector = toolbar.getIfAvailable();
		List<String> excludedPaths = (injector != null) ? List.of(injector.getPath()) : List.of();
		// Asked at the first request: by then the actuator's endpoints are mapped.
		Supplier<List<String>> endpointPaths = () -> {
			ActuatorEndpointPaths paths = actuatorPaths.getIfAvailable();
			return (paths != null) ? paths.get() : List.of();
		};
		RecordedRequests recorded = new RecordedRequests(excludedPaths, endpointPaths,
				properties.getRecord().getExcludePatterns());
		RecordingFilter filter = new RecordingFilter(collector, properties.getCapture().getMaxQueries(), recorded,
				injector, veto.getIfAvailable(), headersFor(properties.getToolbar(), toolbarAccess, environment));
		filter.setSqlTextLimit(new SqlTextLimit(properties.getCapture().getMaxSqlLength(), SqlFingerprint::of));
		FilterRegistrationBean<RecordingFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setName("queryLensRecordingFilter");
		registration.setOrder(FILTER_ORDER);
		registration.setAsyncSupported(true);
		return registration;
	}

	// The id and the timings tell a client what ran: only those the toolbar would serve
	// get them, unless widened.
	private static Predicate<HttpServletRequest> headersFor(QueryLensProperties.Toolbar toolbar,
			ObjectProvider<ToolbarAccess> toolbarAccess, Environment environment) {
		if (toolbar.getHeaders() == QueryLensProperties.Toolbar.Headers.ALWAYS) {
			return (request) -> true;
		}
		ToolbarAccess access = toolbarAccess
			.getIfAvailable(() -> QueryLensToolbarAutoConfiguration.access(toolbar, environment));
		return access::isAllowed;
	}

	@Bean
	WebMvcConfigurer queryLensWebMvcConfigurer() {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new ViewPhaseInterceptor());
				registry.addInterceptor(new IgnoredFindingsInterceptor());
			}

			@Override
			public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
				configurer.registerCallableInterceptors(new AsyncRecordingInterceptor());
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints",
			"org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType" })
	static final class ActuatorConfiguration {

		@Bean
		ActuatorEndpointPaths queryLensActuatorEndpointPaths(ObjectProvider<PathMappedEndpoints> endpoints,
				Environment environment) {
			return new ActuatorEndpointPaths(endpoints, environment);
		}

	}

}
