package dev.querylens.toolbar;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Who sees QueryLens: a loopback peer does; a remote peer, or any request that came
 * through a proxy, gets a 404 for every QueryLens path and pages without the badge,
 * whatever its forwarding headers claim.
 */
@SpringBootTest(classes = ToolbarTestApplication.class, properties = {
		"spring.datasource.url=jdbc:h2:mem:toolbar-access;DB_CLOSE_DELAY=-1", "querylens.toolbar.badge-in-tests=true" })
class ToolbarAccessIntegrationTests {

	private static final String[] QUERYLENS_PATHS = { "/querylens", "/querylens/", "/querylens/endpoints",
			"/querylens/static/toolbar.js", "/querylens/api/recordings", "/querylens/recordings/x",
			"/querylens/nothing" };

	@Autowired
	private WebApplicationContext context;

	private MockMvc mvc;

	@BeforeEach
	void setUp() {
		Filter[] filters = this.context.getBeansOfType(FilterRegistrationBean.class)
			.values()
			.stream()
			.sorted((a, b) -> Integer.compare(a.getOrder(), b.getOrder()))
			.map((registration) -> (Filter) registration.getFilter())
			.toArray(Filter[]::new);
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).addFilters(filters).build();
	}

	@Test
	void aLoopbackPeerSeesTheDashboardAndTheBadge() throws Exception {
		assertThat(perform(get("/querylens"), "127.0.0.1").getResponse().getStatus()).isEqualTo(200);
		assertThat(perform(get("/querylens"), "0:0:0:0:0:0:0:1").getResponse().getStatus()).isEqualTo(200);
		assertThat(perform(get("/page"), "127.0.0.1").getResponse().getContentAsString()).contains("toolbar.js");
	}

	@Test
	void aRemotePeerGetsNotFoundForEveryQueryLensPathAndNoBadge() throws Exception {
		for (String path : QUERYLENS_PATHS) {
			assertThat(perform(get(path), "192.168.1.20").getResponse().getStatus()).as(path).isEqualTo(404);
		}
		assertBadgeless(get("/page"), "192.168.1.20");
		assertBadgeless(get("/page"), "2001:db8::1");
	}

	@Test
	void aRemotePeerClaimingLoopbackInXForwardedForGetsNotFound() throws Exception {
		for (String path : QUERYLENS_PATHS) {
			assertThat(perform(get(path).header("X-Forwarded-For", "127.0.0.1"), "10.0.0.7").getResponse().getStatus())
				.as(path)
				.isEqualTo(404);
		}
		assertBadgeless(get("/page").header("X-Forwarded-For", "127.0.0.1"), "10.0.0.7");
	}

	@Test
	void aLoopbackPeerWithAnyForwardingHeaderCountsAsRemote() throws Exception {
		String[][] headers = { { "X-Forwarded-For", "127.0.0.1" }, { "Forwarded", "for=127.0.0.1" },
				{ "X-Real-IP", "127.0.0.1" } };
		for (String[] header : headers) {
			assertThat(perform(get("/querylens").header(header[0], header[1]), "127.0.0.1").getResponse().getStatus())
				.as(header[0])
				.isEqualTo(404);
			assertThat(perform(get("/querylens/api/recordings").header(header[0], header[1]), "127.0.0.1").getResponse()
				.getStatus()).as(header[0]).isEqualTo(404);
			assertBadgeless(get("/page").header(header[0], header[1]), "127.0.0.1");
		}
	}

	@Test
	void aLoopbackPeerAddressingAnotherHostNameGetsNotFoundAgainstDnsRebinding() throws Exception {
		for (String path : QUERYLENS_PATHS) {
			assertThat(perform(get(path), "127.0.0.1", "rebound.attacker.example").getResponse().getStatus()).as(path)
				.isEqualTo(404);
		}
		assertThat(perform(get("/page"), "127.0.0.1", "rebound.attacker.example").getResponse().getContentAsString())
			.isEqualTo(ToolbarTestApplication.PAGE);
		assertThat(perform(get("/querylens"), "127.0.0.1", "127.0.0.1").getResponse().getStatus()).isEqualTo(200);
		assertThat(perform(get("/querylens"), "127.0.0.1", "shop.localhost").getResponse().getStatus()).isEqualTo(200);
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
