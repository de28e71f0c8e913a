package dev.querylens.shopjdbc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * {@code querylens.n-plus-one.action=fail} in a test: a request with an N+1 is answered
 * with a 500 naming it, over real HTTP and in MockMvc, and a request without one is
 * untouched.
 */
@SpringBootTest(classes = ShopJdbcApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:shop-fail;DB_CLOSE_DELAY=-1", "querylens.n-plus-one.action=fail" })
class FailActionIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private WebApplicationContext context;

	@Autowired
	@Qualifier("recordingFilter")
	private FilterRegistrationBean<? extends Filter> recordingFilter;

	@Test
	void overRealHttpARequestWithAnNPlusOneFailsWithABodyNamingIt() throws Exception {
		HttpResponse<String> response = send("/shop/slow");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		String id = response.headers().firstValue("X-QueryLens-Id").orElseThrow();
		assertThat(response.body()).contains("QueryLens failed GET /shop/slow [" + id + "]")
			.contains("querylens.n-plus-one.action=fail")
			.contains("N_PLUS_ONE: 5 × `select name from customer where id = ?`")
			.contains("at dev.querylens.shopjdbc.ShopJdbcApplication$ShopController.customerName(")
			.doesNotContain("customer 1");
	}

	@Test
	void overRealHttpARequestWithoutAnNPlusOneIsUntouched() throws Exception {
		HttpResponse<String> response = send("/shop/fast");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("customer 1").contains("customer 5");
		assertThat(response.headers().firstValue("Server-Timing")).isPresent();
	}

	@Test
	void inMockMvcARequestWithAnNPlusOneFailsWithABodyNamingIt() throws Exception {
		MvcResult result = mockMvc().perform(get("/shop/slow")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(500);
		assertThat(result.getResponse().getContentAsString()).contains("N_PLUS_ONE: 5 × ")
			.contains("ShopController.customerName(");
		assertThat(mockMvc().perform(get("/shop/fast")).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void aResponseAlreadyCommittedCannotBeReplacedSoTheRequestFailsWithAnException() {
		assertThatExceptionOfType(ServletException.class).isThrownBy(() -> mockMvc().perform(get("/shop/slow/large")))
			.withMessageContaining("N_PLUS_ONE: 5 × ")
			.withMessageContaining("already committed");
	}

	private MockMvc mockMvc() {
		return MockMvcBuilders.webAppContextSetup(this.context).addFilters(this.recordingFilter.getFilter()).build();
	}

	private HttpResponse<String> send(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
