package dev.querylens.toolbar;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.querylens.toolbar.ToolbarTestApplication.FlushGate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page the application flushes part way reaches the client at once, as written, while
 * the application still works on it; the rest streams, and the page stays byte for byte
 * the application's (no badge, even where badges are on). Over real HTTP: the page waits
 * after its flush until the client has the flushed bytes.
 */
@SpringBootTest(classes = ToolbarTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:streamed-page;DB_CLOSE_DELAY=-1", "querylens.toolbar.badge-in-tests=true" })
class StreamedPageIntegrationTests {

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "/flushed/writer", "/flushed/stream" })
	void aFlushedPageReachesTheClientWhileTheApplicationStillWorksAndStaysAsWritten(String path) throws Exception {
		FlushGate.arm();
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofInputStream());
		byte[] start;
		byte[] rest;
		try (InputStream body = response.body()) {
			start = body.readNBytes(ToolbarTestApplication.PAGE_START.getBytes(StandardCharsets.UTF_8).length);
			FlushGate.release();
			rest = body.readAllBytes();
		}
		assertThat(FlushGate.wasReleasedByClient()).as("the client had the flushed bytes before the page went on")
			.isTrue();
		assertThat(new String(start, StandardCharsets.UTF_8)).isEqualTo(ToolbarTestApplication.PAGE_START);
		assertThat(new String(start, StandardCharsets.UTF_8) + new String(rest, StandardCharsets.UTF_8))
			.isEqualTo(ToolbarTestApplication.PAGE);
		assertThat(response.headers().firstValue("X-QueryLens-Id")).isPresent();
	}

}
