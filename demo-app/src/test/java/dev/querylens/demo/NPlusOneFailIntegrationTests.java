package dev.querylens.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.querylens.it.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * {@code querylens.n-plus-one.action=fail} in the demo's tests: the slow page fails with
 * a 500 naming the N+1, its JPA association and call site, over real HTTP and in MockMvc;
 * the fast page is untouched.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:shop-fail;DB_CLOSE_DELAY=-1",
				"querylens.n-plus-one.action=fail" })
@AutoConfigureMockMvc
@TestDatabase("h2")
class NPlusOneFailIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mockMvc;

	@Test
	void overRealHttpTheSlowPageFailsNamingTheNPlusOne() throws Exception {
		HttpResponse<String> page = send("/orders/slow");
		assertThat(page.statusCode()).isEqualTo(500);
		assertThat(page.body()).contains("QueryLens failed GET /orders/slow")
			.contains("N_PLUS_ONE: 10 × `" + OrderPagesIntegrationTests.CUSTOMER_BY_ID + "` (Order.customer)")
			.contains("at dev.querylens.demo.shop.OrderRow.of(OrderRow.java:")
			.contains("join fetch")
			.doesNotContain("<html");
		assertThat(send("/orders/fast").statusCode()).isEqualTo(200);
	}

	@Test
	void inMockMvcTheSlowPageFailsNamingTheNPlusOne() throws Exception {
		MvcResult slow = this.mockMvc.perform(get("/orders/slow")).andReturn();
		assertThat(slow.getResponse().getStatus()).isEqualTo(500);
		assertThat(slow.getResponse().getContentAsString()).contains("N_PLUS_ONE: 10 × ").contains("(Order.customer)");
		MvcResult fast = this.mockMvc.perform(get("/orders/fast")).andReturn();
		assertThat(fast.getResponse().getStatus()).isEqualTo(200);
		assertThat(fast.getResponse().getContentAsString()).contains("Customer 1");
	}

	private HttpResponse<String> send(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
