package org.springframework.samples.petforms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets a page of {@link PetFormsApplication} over HTTP and reads its recording from the
 * toolbar's JSON API.
 */
final class PetForms {

	private final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	PetForms(int port) {
		this.port = port;
	}

	HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	JsonNode recordingOf(HttpResponse<String> page) throws Exception {
		String id = page.headers().firstValue("X-QueryLens-Id").orElseThrow();
		return this.json.readTree(get("/querylens/api/recordings/" + id).body());
	}

	static List<String> types(JsonNode recording) {
		List<String> types = new ArrayList<>();
		recording.get("findings").forEach((finding) -> types.add(finding.get("type").asString()));
		return types;
	}

	static JsonNode finding(JsonNode recording, String type) {
		for (JsonNode finding : recording.get("findings")) {
			if (finding.get("type").asString().equals(type)) {
				return finding;
			}
		}
		throw new AssertionError("no " + type + " finding in " + recording.get("findings"));
	}

}
