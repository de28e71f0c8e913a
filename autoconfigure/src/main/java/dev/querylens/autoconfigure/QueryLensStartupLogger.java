package dev.querylens.autoconfigure;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.servlet.ServletContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.web.context.WebApplicationContext;

import dev.querylens.jdbc.RecordingDataSource;

/**
 * Logs the one INFO line that says what QueryLens does in this application: in a servlet
 * application, once its web server listens, the dashboard's full address and the data
 * sources recorded; in a WebFlux application, that its requests are not recorded. The
 * port is known only when the server has started, hence the event.
 */
final class QueryLensStartupLogger implements SmartApplicationListener, ApplicationContextAware {

	private static final Log logger = LogFactory.getLog(QueryLensStartupLogger.class);

	private final boolean reactive;

	private final @Nullable String dashboardPath;

	private final @Nullable String closedBecause;

	private @Nullable ApplicationContext context;

	private QueryLensStartupLogger(boolean reactive, @Nullable String dashboardPath, @Nullable String closedBecause) {
		this.reactive = reactive;
		this.dashboardPath = dashboardPath;
		this.closedBecause = closedBecause;
	}

	/**
	 * Creates the logger of a servlet application.
	 * @param dashboardPath the dashboard's path inside the application, or {@code null}
	 * when the toolbar is off
	 * @return the logger
	 */
	static QueryLensStartupLogger servlet(@Nullable String dashboardPath) {
		return servlet(dashboardPath, null);
	}

	/**
	 * Creates the logger of a servlet application.
	 * @param dashboardPath the dashboard's path inside the application, or {@code null}
	 * when the toolbar is off
	 * @param closedBecause why the toolbar serves nobody, or {@code null} when it serves
	 * its allowed clients
	 * @return the logger
	 */
	static QueryLensStartupLogger servlet(@Nullable String dashboardPath, @Nullable String closedBecause) {
		return new QueryLensStartupLogger(false, dashboardPath, closedBecause);
	}

	/**
	 * Creates the logger of a reactive web application.
	 * @return the logger
	 */
	static QueryLensStartupLogger reactive() {
		return new QueryLensStartupLogger(true, null, null);
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return this.reactive ? ContextRefreshedEvent.class.isAssignableFrom(eventType)
				: WebServerInitializedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		ApplicationContext context = this.context;
		// A child context (the management server's) publishes its events to this one too.
		if (context == null || !(event.getSource() == context || sourceContext(event) == context)) {
			return;
		}
		if (this.reactive) {
			logger.info(reactiveLine(recordedDataSources(context)));
		}
		else if (event instanceof WebServerInitializedEvent initialized) {
			List<String> dataSources = recordedDataSources(context);
			logger.info((this.closedBecause != null) ? closedLine(dataSources, this.closedBecause)
					: servletLine(dataSources, dashboardUrl(context, initialized)));
		}
	}

	private static @Nullable ApplicationContext sourceContext(ApplicationEvent event) {
		return (event instanceof WebServerInitializedEvent initialized) ? initialized.getApplicationContext() : null;
	}

	private @Nullable String dashboardUrl(ApplicationContext context, WebServerInitializedEvent event) {
		if (this.dashboardPath == null) {
			return null;
		}
		Environment environment = context.getEnvironment();
		String scheme = isSsl(environment) ? "https" : "http";
		String host = environment.getProperty("server.address", "localhost");
		if (host.equals("0.0.0.0") || host.equals("::") || host.isBlank()) {
			host = "localhost";
		}
		else if (host.contains(":")) {
			host = "[" + host + "]";
		}
		return scheme + "://" + host + ":" + event.getWebServer().getPort() + contextPath(context) + this.dashboardPath;
	}

	private static boolean isSsl(Environment environment) {
		boolean configured = environment.containsProperty("server.ssl.bundle")
				|| environment.containsProperty("server.ssl.key-store")
				|| environment.containsProperty("server.ssl.certificate");
		return configured && environment.getProperty("server.ssl.enabled", Boolean.class, true);
	}

	private static String contextPath(ApplicationContext context) {
		if (context instanceof WebApplicationContext web) {
			ServletContext servletContext = web.getServletContext();
			if (servletContext != null) {
				return servletContext.getContextPath();
			}
		}
		return context.getEnvironment().getProperty("server.servlet.context-path", "");
	}

	/**
	 * Says what QueryLens records in a servlet application, and where its dashboard is.
	 * @param dataSources the names of the data sources recorded
	 * @param dashboardUrl the dashboard's full address, or {@code null} when the toolbar
	 * is off
	 * @return the line
	 */
	static String servletLine(List<String> dataSources, @Nullable String dashboardUrl) {
		return "QueryLens records the queries of each HTTP request on " + describe(dataSources) + "; "
				+ ((dashboardUrl != null) ? "dashboard at " + dashboardUrl
						: "no dashboard (querylens.toolbar.enabled=false)");
	}

	/**
	 * Says what QueryLens records in a servlet application whose toolbar serves nobody,
	 * and why.
	 * @param dataSources the names of the data sources recorded
	 * @param because why the toolbar serves nobody
	 * @return the line
	 */
	static String closedLine(List<String> dataSources, String because) {
		return "QueryLens records the queries of each HTTP request on " + describe(dataSources)
				+ "; toolbar and dashboard off because " + because
				+ ", so any client could pass for a local one; set querylens.toolbar.trust-forwarded-headers=true "
				+ "only behind a proxy that overwrites those headers";
	}

	/**
	 * Says that QueryLens records no request of a WebFlux application.
	 * @param dataSources the names of the data sources wrapped
	 * @return the line
	 */
	static String reactiveLine(List<String> dataSources) {
		return "QueryLens does not record WebFlux requests: it wraps " + describe(dataSources)
				+ " for its test API only, and registers no toolbar, no /actuator/queries and no meters";
	}

	// The recorded data sources among the beans already created, by the name their
	// queries carry.
	private static List<String> recordedDataSources(ListableBeanFactory beanFactory) {
		List<String> names = new ArrayList<>();
		for (DataSource dataSource : beanFactory.getBeansOfType(DataSource.class, false, false).values()) {
			try {
				if (dataSource.isWrapperFor(RecordingDataSource.class)) {
					names.add(dataSource.unwrap(RecordingDataSource.class).getName());
				}
			}
			catch (SQLException | RuntimeException ex) {
				// A data source that cannot say what it wraps is left out of the line,
				// never a start-up failure.
			}
		}
		return names;
	}

	private static String describe(List<String> names) {
		if (names.isEmpty()) {
			return "no data source";
		}
		StringBuilder text = new StringBuilder((names.size() == 1) ? "data source " : "data sources ");
		for (int i = 0; i < names.size(); i++) {
			text.append((i > 0) ? ", '" : "'").append(names.get(i)).append('\'');
		}
		return text.toString();
	}

}
