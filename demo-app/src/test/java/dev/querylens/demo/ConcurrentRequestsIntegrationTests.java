package dev.querylens.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.capture.Kind;
import dev.querylens.it.TestDatabase;
import dev.querylens.store.RecordingStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many requests in parallel to pages with different known counts: each recording holds
 * exactly its own page's queries, and the store never holds more than its cap.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "querylens.store.max-recordings=40")
@TestDatabase("h2")
class ConcurrentRequestsIntegrationTests {

	private static final Map<String, Integer> EXPECTED_COUNTS = Map.of("/orders/slow", 11, "/orders/fast", 1,
			"/orders/items/slow", 51, "/orders/items/fast", 1, "/orders/in-view", 11);

	private static final int THREADS = 8;

	private static final int REQUESTS_PER_THREAD = 30;

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingStore store;

	@Test
	void everyRecordingHoldsExactlyItsOwnRequestsQueries() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		List<String> paths = List.copyOf(EXPECTED_COUNTS.keySet());
		List<Future<List<String[]>>> results = new ArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				results.add(executor.submit(() -> {
					List<String[]> seen = new ArrayList<>();
					for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
						String path = paths.get((thread + i) % paths.size());
						HttpResponse<String> response = http.send(
								HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
								HttpResponse.BodyHandlers.ofString());
						assertThat(response.statusCode()).isEqualTo(200);
						String id = response.headers().firstValue("X-QueryLens-Id").orElseThrow();
						String timing = response.headers().firstValue("Server-Timing").orElseThrow();
						assertThat(timing).contains("desc=\"" + EXPECTED_COUNTS.get(path) + " quer");
						seen.add(new String[] { id, path });
						assertThat(requestRecordings()).hasSizeLessThanOrEqualTo(40);
					}
					return seen;
				}));
			}
			List<String[]> requests = new ArrayList<>();
			for (Future<List<String[]>> result : results) {
				requests.addAll(result.get());
			}
			int checked = 0;
			Set<String> ids = new HashSet<>();
			for (String[] request : requests) {
				assertThat(ids.add(request[0])).as("id %s of %s is unique", request[0], request[1]).isTrue();
				AnalyzedRecording recording = this.store.findById(request[0]).orElse(null);
				if (recording != null) {
					assertThat(recording.recording().getUri()).isEqualTo(request[1]);
					assertThat(recording.recording().getQueryCount()).isEqualTo(EXPECTED_COUNTS.get(request[1]));
					assertThat(recording.queries()).hasSize(EXPECTED_COUNTS.get(request[1]));
					checked++;
				}
			}
			assertThat(requestRecordings()).hasSize(40);
			assertThat(checked).isEqualTo(40);
		}
		finally {
			executor.shutdownNow();
		}
	}

	// The seeders' start-up task is kept apart, under its own bound.
	private List<AnalyzedRecording> requestRecordings() {
		return this.store.findAll()
			.stream()
			.filter((recording) -> recording.recording().getKind() == Kind.HTTP)
			.toList();
	}

}
