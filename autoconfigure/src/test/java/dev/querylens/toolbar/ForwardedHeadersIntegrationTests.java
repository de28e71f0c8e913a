package dev.querylens.toolbar;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;
import org.springframework.web.filter.ForwardedHeaderFilter;

import dev.querylens.store.RecordingStore;
import dev.querylens.web.dashboard.DashboardRequests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QueryLens decides on the real TCP peer and the real {@code Host}, never on what a
 * forwarding header made of them: with either forward-headers strategy, or on a cloud
 * platform where Boot turns the native one on by itself, the toolbar, the dashboard and
 * their headers are off unless forwarded headers are trusted explicitly; an application
 * filter that rewrites the request from forwarding headers fools nothing; and every such
 * attack is tried from a peer that is not loopback. Real applications over real HTTP,
 * with a test valve standing in for the remote peer.
 */
@ExtendWith(OutputCaptureExtension.class)
class ForwardedHeadersIntegrationTests {

	/** A client on the internet. */
	private static final String REMOTE = "203.0.113.9";

	/**
	 * A peer in a pod network, which Tomcat's RemoteIpValve counts as an internal proxy.
	 */
	private static final String POD = "10.0.0.7";

	private static final String[][] LOOPBACK_CLAIMS = { { "X-Forwarded-For: 127.0.0.1" },
			{ "X-Forwarded-For: 127.0.0.1, 203.0.113.9" }, { "Forwarded: for=127.0.0.1" },
			{ "Forwarded: for=\"[::1]\";host=localhost" }, { "X-Real-IP: 127.0.0.1" } };

	private static final AtomicInteger databases = new AtomicInteger();

	@Test
	void withTheFrameworkStrategyEveryAttackFindsNothingAndTheStartupLineSaysWhy(CapturedOutput output)
			throws IOException {
		try (App app = App.start("server.forward-headers-strategy=framework")) {
			assertAllAttacksRefused(app);
			assertNothingFor(app, null);
		}
		assertThat(startupLine(output)).contains("toolbar and dashboard off")
			.contains("server.forward-headers-strategy=framework")
			.contains("querylens.toolbar.trust-forwarded-headers=true");
	}

	@Test
	void withTheNativeStrategyEveryAttackFindsNothingAndTheStartupLineSaysWhy(CapturedOutput output)
			throws IOException {
		try (App app = App.start("server.forward-headers-strategy=native")) {
			assertAllAttacksRefused(app);
			assertNothingFor(app, null);
		}
		assertThat(startupLine(output)).contains("toolbar and dashboard off")
			.contains("server.forward-headers-strategy=native");
	}

	@Test
	void onKubernetesDetectedFromItsEnvironmentVariablesEveryAttackFindsNothing(CapturedOutput output)
			throws IOException {
		StandardServletEnvironment environment = new StandardServletEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443")));
		try (App app = App.start(environment)) {
			assertAllAttacksRefused(app);
			assertNothingFor(app, null);
		}
		assertThat(startupLine(output)).contains("toolbar and dashboard off").contains("KUBERNETES");
	}

	@Test
	void onACloudPlatformNamedInSpringMainCloudPlatformEveryAttackFindsNothing() throws IOException {
		try (App app = App.start("spring.main.cloud-platform=kubernetes")) {
			assertAllAttacksRefused(app);
			assertNothingFor(app, null);
		}
	}

	@Test
	void theStrategyNoneOnACloudPlatformKeepsTheToolbarForLoopback() throws IOException {
		try (App app = App.start("spring.main.cloud-platform=kubernetes", "server.forward-headers-strategy=none")) {
			assertAllAttacksRefused(app);
			assertSeen(app);
		}
	}

	@Test
	void anApplicationsOwnForwardedHeaderFilterFoolsNothing() throws IOException {
		try (App app = App.start(new Class<?>[] { OwnForwardedHeaderFilter.class })) {
			assertAllAttacksRefused(app);
			assertSeen(app);
		}
	}

	@Test
	void trustedForwardedHeadersBringTheToolbarBackAndTheStartupLineGivesItsAddress(CapturedOutput output)
			throws IOException {
		try (App app = App.start("server.forward-headers-strategy=framework",
				"querylens.toolbar.trust-forwarded-headers=true")) {
			assertSeen(app);
			// Trusted, the address judged is the one the proxy's header gives.
			assertNothingFor(app, null, "X-Forwarded-For: 198.51.100.4");
		}
		assertThat(startupLine(output)).contains("dashboard at http://localhost:");
	}

	@Test
	void headersGoOnlyToClientsTheToolbarAllows() throws IOException {
		try (App app = App.start()) {
			assertSeen(app);
			assertNothingFor(app, REMOTE);
			assertNothingFor(app, null, "X-Forwarded-For: 127.0.0.1");
			assertNothingFor(app, null, "X-Forwarded-Proto: https");
		}
	}

	@Test
	void headersAlwaysSendsThemToEveryClientAndNothingElse() throws IOException {
		try (App app = App.start("querylens.toolbar.headers=always")) {
			RawHttp.Exchange page = get(app, REMOTE, "/page");
			assertThat(page.body()).isEqualTo(ToolbarTestApplication.PAGE);
			assertThat(page.hasHeader("X-QueryLens-Id")).isTrue();
			assertThat(page.hasHeader("Server-Timing")).isTrue();
			assertThat(get(app, REMOTE, "/querylens").status()).isEqualTo(404);
		}
	}

	@Test
	void withTheToolbarOffHeadersStillGoOnlyToAllowedClients() throws IOException {
		try (App app = App.start("querylens.toolbar.enabled=false")) {
			assertThat(get(app, null, "/page").hasHeader("X-QueryLens-Id")).isTrue();
			RawHttp.Exchange remote = get(app, REMOTE, "/page");
			assertThat(remote.hasHeader("X-QueryLens-Id")).isFalse();
			assertThat(remote.hasHeader("Server-Timing")).isFalse();
		}
	}

	@Test
	void aRecordingThatIsNotKeptGivesNoIdThatWouldPointNowhere() throws IOException {
		try (App app = App.start()) {
			RawHttp.Exchange missing = get(app, null, "/no/such/page");
			assertThat(missing.status()).isEqualTo(404);
			assertThat(missing.hasHeader("X-QueryLens-Id")).isFalse();
			assertThat(app.store().findAll()).isEmpty();
		}
	}

	private static void assertAllAttacksRefused(App app) throws IOException {
		for (String peer : new String[] { POD, REMOTE }) {
			for (String[] claim : LOOPBACK_CLAIMS) {
				assertNothingFor(app, peer, claim);
			}
		}
		// A loopback peer whose Host an attacker's name (DNS rebinding) hides behind
		// X-Forwarded-Host.
		assertNothingFor(app, null, "Host: rebound.attacker.example", "X-Forwarded-Host: localhost");
		assertNothingFor(app, POD, "Host: rebound.attacker.example", "X-Forwarded-Host: localhost",
				"X-Forwarded-For: 127.0.0.1");
	}

	/**
	 * A client that gets a 404 for every route of the dashboard (with a recording that
	 * exists), cannot clear the history or run a statement, and gets the page exactly as
	 * the application wrote it, without QueryLens's headers.
	 */
	private static void assertNothingFor(App app, String peer, String... headers) throws IOException {
		String as = ((peer != null) ? peer : "loopback") + " " + Arrays.toString(headers);
		get(app, null, "/page");
		int kept = app.store().findAll().size();
		String id = app.store().findAll().get(0).recording().getId();
		for (DashboardRequests.Request request : DashboardRequests.EVERY_ROUTE) {
			String[] sent = request.changes() ? with(headers, "X-QueryLens-Request: 1") : headers;
			assertThat(send(app, peer, request.method(), request.path(id), sent).status()).as(as + " " + request)
				.isEqualTo(404);
		}
		assertThat(app.store().findAll()).as(as + " history after DELETE").hasSizeGreaterThanOrEqualTo(kept);
		RawHttp.Exchange page = get(app, peer, "/page", headers);
		assertThat(page.status()).as(as + " /page").isEqualTo(200);
		assertThat(page.body()).as(as + " /page").isEqualTo(ToolbarTestApplication.PAGE);
		assertThat(page.hasHeader("X-QueryLens-Id")).as(as + " X-QueryLens-Id").isFalse();
		assertThat(page.hasHeader("Server-Timing")).as(as + " Server-Timing").isFalse();
	}

	/**
	 * A loopback client without forwarding headers sees the dashboard, the badge and the
	 * headers.
	 */
	private static void assertSeen(App app) throws IOException {
		RawHttp.Exchange page = get(app, null, "/page");
		assertThat(page.body()).contains("toolbar.js");
		assertThat(page.hasHeader("X-QueryLens-Id")).isTrue();
		assertThat(page.hasHeader("Server-Timing")).isTrue();
		assertThat(get(app, null, "/querylens").status()).isEqualTo(200);
		assertThat(get(app, null, "/querylens/api/recordings").body()).contains(page.headers().get("x-querylens-id"));
	}

	private static String startupLine(CapturedOutput output) {
		return output.getOut()
			.lines()
			.filter((line) -> line.contains("QueryLens records"))
			.reduce((first, last) -> last)
			.orElseThrow();
	}

	private static RawHttp.Exchange get(App app, String peer, String path, String... headers) throws IOException {
		return send(app, peer, "GET", path, headers);
	}

	private static RawHttp.Exchange send(App app, String peer, String method, String path, String... headers)
			throws IOException {
		return RawHttp.send(app.port(), method, path,
				(peer != null) ? with(headers, RemotePeer.HEADER + ": " + peer) : headers);
	}

	private static String[] with(String[] headers, String header) {
		List<String> all = new ArrayList<>(Arrays.asList(headers));
		all.add(header);
		return all.toArray(String[]::new);
	}

	private record App(ConfigurableApplicationContext context) implements AutoCloseable {

		static App start(String... properties) {
			return start(new StandardServletEnvironment(), new Class<?>[0], properties);
		}

		static App start(StandardServletEnvironment environment, String... properties) {
			return start(environment, new Class<?>[0], properties);
		}

		static App start(Class<?>[] configurations, String... properties) {
			return start(new StandardServletEnvironment(), configurations, properties);
		}

		static App start(StandardServletEnvironment environment, Class<?>[] configurations, String... properties) {
			List<Class<?>> sources = new ArrayList<>(List.of(ToolbarTestApplication.class, RemotePeer.class));
			sources.addAll(Arrays.asList(configurations));
			List<String> all = new ArrayList<>(List.of("server.port=0", "spring.jmx.enabled=false",
					"spring.datasource.url=jdbc:h2:mem:forwarded-" + databases.incrementAndGet()));
			all.addAll(Arrays.asList(properties));
			return new App(new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).environment(environment)
				.properties(all.toArray(String[]::new))
				.run());
		}

		int port() {
			return ((WebServerApplicationContext) this.context).getWebServer().getPort();
		}

		RecordingStore store() {
			return this.context.getBean(RecordingStore.class);
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnForwardedHeaderFilter {

		@Bean
		FilterRegistrationBean<ForwardedHeaderFilter> forwardedHeaderFilter() {
			FilterRegistrationBean<ForwardedHeaderFilter> registration = new FilterRegistrationBean<>(
					new ForwardedHeaderFilter());
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
