package dev.querylens.demo.lessons;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.capture.QueryEvent;
import dev.querylens.store.RecordingStore;

/**
 * Runs each variant of a lesson as its own HTTP request to this application, so QueryLens
 * records each in its own recording, then reads that recording from the
 * {@link RecordingStore}: the lesson page's numbers are QueryLens's. With QueryLens off
 * ({@code querylens.enabled=false}) there is no store, and the variants still run,
 * without numbers.
 */
@Component
public class VariantRunner {

	static final String ALLOCATED_HEADER = "X-Demo-Allocated-Bytes";

	static final String PEAK_ROWS_HEADER = "X-Demo-Peak-Rows";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectProvider<RecordingStore> store;

	public VariantRunner(ObjectProvider<RecordingStore> store) {
		this.store = store;
	}

	/**
	 * Runs every variant of a lesson, one request after the other.
	 * @param lesson the lesson
	 * @param baseUrl this application's address as seen from itself, e.g.
	 * {@code http://127.0.0.1:8080}
	 * @return a result per variant, in the lesson's order
	 * @throws IOException if a request fails
	 * @throws InterruptedException if interrupted while waiting
	 */
	public List<VariantResult> run(Lesson lesson, String baseUrl) throws IOException, InterruptedException {
		List<VariantResult> results = new ArrayList<>();
		String slowBody = null;
		for (Lesson.Variant variant : lesson.variants()) {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create(baseUrl + "/lessons/" + lesson.name() + "/" + variant.name()))
					.timeout(Duration.ofMinutes(2))
					.build(), HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			if (slowBody == null) {
				slowBody = body;
			}
			String id = response.headers().firstValue("X-QueryLens-Id").orElse(null);
			RecordingStore recordings = this.store.getIfAvailable();
			AnalyzedRecording recording = (id != null && recordings != null) ? recordings.findById(id).orElse(null)
					: null;
			results.add(result(variant, response, id, recording, body.equals(slowBody)));
		}
		return results;
	}

	private static VariantResult result(Lesson.Variant variant, HttpResponse<String> response, String id,
			AnalyzedRecording recording, boolean sameData) {
		long allocated = header(response, ALLOCATED_HEADER);
		long peakRows = header(response, PEAK_ROWS_HEADER);
		if (recording == null) {
			return new VariantResult(variant, response.statusCode(), id, -1, -1, -1, -1, allocated, peakRows, -1,
					List.of(), response.body(), sameData);
		}
		double acquisitionMillis = recording.recording().getConnectionAcquireNanos() / 1e6;
		long rows = recording.recording().getQueries().stream().mapToLong(QueryEvent::rows).sum();
		return new VariantResult(variant, response.statusCode(), id, recording.recording().getQueryCount(),
				recording.recording().getQueryTimeNanos() / 1e6, recording.recording().getDurationNanos() / 1e6, rows,
				allocated, peakRows, acquisitionMillis, recording.activeFindings(), response.body(), sameData);
	}

	private static long header(HttpResponse<String> response, String name) {
		return response.headers().firstValue(name).map(Long::parseLong).orElse(-1L);
	}

}
