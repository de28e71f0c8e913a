package dev.querylens.toolbar;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import dev.querylens.store.RecordingStore;
import dev.querylens.web.dashboard.DashboardRequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Who sees QueryLens: a loopback peer does; a remote peer, or any request that came
 * through a proxy, gets a 404 for every route of the dashboard (each one tried, with a
 * recording that exists) and every other QueryLens path, and pages without the badge,
 * whatever its forwarding headers claim.
 */
@SpringBootTest(classes = ToolbarTestApplication.class, properties = {
		"spring.datasource.url=jdbc:h2:mem:toolbar-access;DB_CLOSE_DELAY=-1", "querylens.toolbar.badge-in-tests=true" })
class ToolbarAccessIntegrationTests {

	/** Paths under QueryLens's that are no route, refused like the routes. */
	private static final List<DashboardRequests.Request> NO_ROUTE = List.of(
			new DashboardRequests.Request("GET", "/querylens/nothing"),
			new DashboardRequests.Request("GET", "/querylens/static/../application.properties"),
			new DashboardRequests.Request("GET", "/querylens/recordings/{id}/"));

	@Autowired
	private WebApplicationContext context;

	private MockMvc mvc;

	private String id;

	@BeforeEach
	void setUp() throws Exception {
		Filter[] filters = this.context.getBeansOfType(FilterRegistrationBean.class)
			.values()
			.stream()
			.sorted((a, b) -> Integer.compare(a.getOrder(), b.getOrder()))
			.map((registration) -> (Filter) registration.getFilter())
			.toArray(Filter[]::new);
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).addFilters(filters).build();
		this.id = perform(get("/page"), "127.0.0.1").getResponse().getHeader("X-QueryLens-Id");
	}

	@Test
	void everyRouteOfTheDashboardIsTriedByTheseTests() {
		Filter dashboard = this.context.getBeansOfType(FilterRegistrationBean.class)
			.values()
			.stream()
			.map((registration) -> (Filter) registration.getFilter())
			.filter((filter) -> filter.getClass().getSimpleName().equals("DashboardFilter"))
			.findFirst()
			.orElseThrow();
		assertThat(DashboardRequests.untried(dashboard)).isEmpty();
	}

	@Test
	void aLoopbackPeerSeesTheDashboardAndTheBadge() throws Exception {
		assertThat(perform(get("/querylens"), "127.0.0.1").getResponse().getStatus()).isEqualTo(200);
		assertThat(perform(get("/querylens"), "0:0:0:0:0:0:0:1").getResponse().getStatus()).isEqualTo(200);
		assertThat(perform(get("/page"), "127.0.0.1").getResponse().getContentAsString()).contains("toolbar.js");
	}

	@Test
	void aLoopbackPeerReachesEveryRoute() throws Exception {
		// So that the 404s below are refusals, not a missing recording: ANALYZE is
		// refused on H2 with a 400, the rest answer.
		for (DashboardRequests.Request request : DashboardRequests.EVERY_ROUTE) {
			int status = perform(request(request), "127.0.0.1").getResponse().getStatus();
			assertThat(status).as(request.toString()).isIn(200, 204, 400);
		}
	}

	@Test
	void aLoopbackPeerGetsNotFoundForUnknownAndMalformedPaths() throws Exception {
		String[] paths = { "/querylens/nothing", "/querylens//", "/querylens/endpoints/", "//querylens/endpoints",
				"/querylens/recordings/{id}/", "/querylens/recordings//{id}", "/querylens/recordings/..",
				"/querylens/recordings/%2e%2e", "/querylens/recordings/a%2Fb",
				"/querylens/recordings/" + "a".repeat(65), "/querylens/recordings/" + "a".repeat(10_000),
				"/querylens/static/../application.properties", "/querylens/static/..%2Fapplication.properties",
				"/querylens/static/toolbar.js/", "/querylens/static/TOOLBAR.JS",
				"/querylens/static/toolbar.js;jsessionid=1", "/querylens/api/recordings/",
				"/querylens/api/recordings/{id}/", "/querylens/api/recordings/{id}/queries",
				"/querylens/api/recordings/" + "a".repeat(65) };
		for (String path : paths) {
			assertCleanNotFound(perform(request(new DashboardRequests.Request("GET", path)), "127.0.0.1"), path);
		}
		String[] posts = { "/querylens/api/recordings/{id}/queries/0/explain/",
				"/querylens/api/recordings/{id}/queries/-1/explain",
				"/querylens/api/recordings/{id}/queries/1234567890/explain",
				"/querylens/api/recordings/{id}/queries/0/drop",
				"/querylens/api/recordings/{id}/queries/0/../explain" };
		for (String path : posts) {
			assertCleanNotFound(perform(request(new DashboardRequests.Request("POST", path)), "127.0.0.1"), path);
		}
	}

	/**
	 * The container's own 404, not a page or JSON of the dashboard's that would have read
	 * the path as an id.
	 */
	private static void assertCleanNotFound(MvcResult result, String path) throws Exception {
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(404);
		assertThat(result.getResponse().getContentAsString()).as(path).isEmpty();
	}

	@Test
	void aMethodARouteDoesNotTakeIsRefusedWithTheMethodsItDoes() throws Exception {
		MvcResult put = perform(request(new DashboardRequests.Request("PUT", "/querylens/api/recordings")),
				"127.0.0.1");
		assertThat(put.getResponse().getStatus()).isEqualTo(405);
		assertThat(put.getResponse().getHeader("Allow")).isEqualTo("GET, DELETE");
		assertThat(this.context.getBean(RecordingStore.class).findById(this.id)).isPresent();
	}

	@Test
	void aRemotePeerGetsNotFoundForEveryQueryLensPathAndNoBadge() throws Exception {
		assertRefused("192.168.1.20", "localhost");
		assertRefused("2001:db8::1", "localhost");
		assertBadgeless(get("/page"), "192.168.1.20");
		assertBadgeless(get("/page"), "2001:db8::1");
	}

	@Test
	void aRemotePeerClaimingLoopbackInXForwardedForGetsNotFound() throws Exception {
		assertRefused("10.0.0.7", "localhost", "X-Forwarded-For", "127.0.0.1");
		assertBadgeless(get("/page").header("X-Forwarded-For", "127.0.0.1"), "10.0.0.7");
	}

	@Test
	void aLoopbackPeerWithAnyForwardingHeaderCountsAsRemote() throws Exception {
		String[][] headers = { { "X-Forwarded-For", "127.0.0.1" }, { "Forwarded", "for=127.0.0.1" },
				{ "X-Real-IP", "127.0.0.1" }, { "X-Forwarded-Host", "localhost" } };
		for (String[] header : headers) {
			assertRefused("127.0.0.1", "localhost", header);
			assertBadgeless(get("/page").header(header[0], header[1]), "127.0.0.1");
		}
	}

	@Test
	void aLoopbackPeerAddressingAnotherHostNameGetsNotFoundAgainstDnsRebinding() throws Exception {
		assertRefused("127.0.0.1", "rebound.attacker.example");
		assertThat(perform(get("/page"), "127.0.0.1", "rebound.attacker.example").getResponse().getContentAsString())
			.isEqualTo(ToolbarTestApplication.PAGE);
		assertThat(perform(get("/querylens"), "127.0.0.1", "127.0.0.1").getResponse().getStatus()).isEqualTo(200);
		assertThat(perform(get("/querylens"), "127.0.0.1", "shop.localhost").getResponse().getStatus()).isEqualTo(200);
	}

	/**
	 * Every route, and paths that are none, answer 404, with the toolbar's request header
	 * where a route needs it; and the history is still there.
	 */
	private void assertRefused(String peer, String host, String... header) throws Exception {
		List<DashboardRequests.Request> requests = new ArrayList<>(DashboardRequests.EVERY_ROUTE);
		requests.addAll(NO_ROUTE);
		for (DashboardRequests.Request request : requests) {
			MockHttpServletRequestBuilder builder = request(request);
			if (header.length > 0) {
				builder.header(header[0], header[1]);
			}
			assertThat(perform(builder, peer, host).getResponse().getStatus())
				.as(peer + " " + host + " " + Arrays.toString(header) + " " + request)
				.isEqualTo(404);
		}
		assertThat(this.context.getBean(RecordingStore.class).findById(this.id)).isPresent();
	}

	private MockHttpServletRequestBuilder request(DashboardRequests.Request request) {
		String path = request.path(this.id);
		MockHttpServletRequestBuilder builder = MockMvcRequestBuilders
			.request(HttpMethod.valueOf(request.method()), URI.create("http://localhost" + path))
			.with((mock) -> {
				// As the client sent it, dot segments included.
				mock.setRequestURI(path);
				return mock;
			});
		return request.changes() ? builder.header("X-QueryLens-Request", "1") : builder;
	}

	private void assertBadgeless(MockHttpServletRequestBuilder request, String peer) throws Exception {
		MvcResult result = perform(request, peer);
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).isEqualTo(ToolbarTestApplication.PAGE);
	}

	private MvcResult perform(MockHttpServletRequestBuilder request, String peer) throws Exception {
		return perform(request, peer, "localhost");
	}

	private MvcResult perform(MockHttpServletRequestBuilder request, String peer, String host) throws Exception {
		return this.mvc.perform(request.with((mock) -> {
			mock.setRemoteAddr(peer);
			mock.setServerName(host);
			return mock;
		})).andReturn();
	}

}
