package dev.querylens.toolbar;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.querylens.toolbar.ToolbarTestApplication.FlushGate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a large response of {@link ToolbarTestApplication} that waits, half written
 * and not flushed, until the client has its first bytes: only a response that nothing
 * holds back reaches the client while the application still works on it.
 */
final class LargeResponses {

	private LargeResponses() {
	}

	/**
	 * Requests the page, asserts that its first bytes reached the client while the
	 * application was still writing it, and that the whole body arrived.
	 * @param port the server's port
	 * @param path the large page
	 * @param headers request headers, name and value in turn
	 * @return the response's headers
	 * @throws Exception when the request fails
	 */
	static HttpHeaders streamWhileTheApplicationWorks(int port, String path, String... headers) throws Exception {
		FlushGate.arm();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		int length;
		try (InputStream body = response.body()) {
			length = body.readNBytes(1).length;
			FlushGate.release();
			length += body.readAllBytes().length;
		}
		assertThat(FlushGate.wasReleasedByClient())
			.as("the client had the first bytes of %s before the application wrote the rest", path)
			.isTrue();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(length).isEqualTo(2 * ToolbarTestApplication.LARGE_PART);
		return response.headers();
	}

}
