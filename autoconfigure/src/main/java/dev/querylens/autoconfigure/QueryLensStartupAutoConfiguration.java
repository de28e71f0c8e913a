package dev.querylens.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.querylens.store.RecordingCollector;
import dev.querylens.web.ToolbarAccess;
import dev.querylens.web.ToolbarInjector;

/**
 * Auto-configuration of the start-up line that gives the dashboard's address and the data
 * sources QueryLens records, or, in a WebFlux application, says that it records no
 * request there.
 */
@AutoConfiguration(after = { QueryLensAutoConfiguration.class, QueryLensToolbarAutoConfiguration.class })
@ConditionalOnBean(RecordingCollector.class)
public final class QueryLensStartupAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = { "org.springframework.boot.web.server.context.WebServerInitializedEvent",
			"jakarta.servlet.ServletContext" })
	static final class ServletStartupConfiguration {

		@Bean
		QueryLensStartupLogger queryLensStartupLogger(ObjectProvider<ToolbarInjector> toolbar,
				ObjectProvider<ToolbarAccess> access) {
			ToolbarInjector injector = toolbar.getIfAvailable();
			ToolbarAccess rule = (injector != null) ? access.getIfAvailable() : null;
			return QueryLensStartupLogger.servlet((injector != null) ? injector.getPath() : null,
					(rule != null) ? rule.getClosedBecause() : null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static final class ReactiveStartupConfiguration {

		@Bean
		QueryLensStartupLogger queryLensStartupLogger() {
			return QueryLensStartupLogger.reactive();
		}

	}

}
