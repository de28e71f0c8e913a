package dev.querylens.toolbar;

import java.net.http.HttpHeaders;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lean mode holds no response back, an allowed client's HTML page included: the responses
 * go to the container as the application writes them, and the timing headers are set when
 * the response starts, counting the statements run until then. Over real HTTP, with
 * responses several times the container's buffer that wait, unflushed, until the client
 * has their first bytes.
 */
@SpringBootTest(classes = ToolbarTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:lean-responses;DB_CLOSE_DELAY=-1", "querylens.mode=lean" })
class LeanModeResponseIntegrationTests {

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "/large/page", "/large/json" })
	void responsesStreamWithTheirHeaders(String path) throws Exception {
		HttpHeaders headers = LargeResponses.streamWhileTheApplicationWorks(this.port, path);
		assertThat(headers.firstValue("X-QueryLens-Id")).isPresent();
		assertThat(headers.firstValue("Server-Timing"))
			.hasValueSatisfying((timing) -> assertThat(timing).startsWith("db;dur=").endsWith(";desc=\"1 query\""));
	}

}
