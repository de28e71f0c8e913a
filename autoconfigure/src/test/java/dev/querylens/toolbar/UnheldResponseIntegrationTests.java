package dev.querylens.toolbar;

import java.net.http.HttpHeaders;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At the defaults only an allowed client's HTML page is held back, for the badge: a JSON
 * response, even to a client that gets the id and timing headers, and any page of a
 * refused client go to the container as the application writes them, never copied. Over
 * real HTTP, with responses several times the container's buffer that wait, unflushed,
 * until the client has their first bytes.
 */
@SpringBootTest(classes = ToolbarTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:unheld-responses;DB_CLOSE_DELAY=-1",
				"querylens.toolbar.badge-in-tests=true" })
class UnheldResponseIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void jsonToAnAllowedClientStreamsAndStillGetsTheHeaders() throws Exception {
		HttpHeaders headers = LargeResponses.streamWhileTheApplicationWorks(this.port, "/large/json");
		assertThat(headers.firstValue("X-QueryLens-Id")).isPresent();
		assertThat(headers.firstValue("Server-Timing"))
			.hasValueSatisfying((timing) -> assertThat(timing).startsWith("db;dur=").endsWith(";desc=\"1 query\""));
	}

	@Test
	void aRefusedClientsPageStreams() throws Exception {
		// Through a proxy, so refused whatever its address.
		HttpHeaders headers = LargeResponses.streamWhileTheApplicationWorks(this.port, "/large/page", "X-Forwarded-For",
				"203.0.113.9");
		assertThat(headers.firstValue("X-QueryLens-Id")).isEmpty();
	}

}
