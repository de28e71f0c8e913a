package dev.querylens.recorded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.querylens.store.RecordingStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static files and 404s that ran no statement are not kept in the history, requests
 * matching {@code querylens.record.exclude-patterns} are not recorded at all, and the
 * look-alikes (a 404 from a controller that ran a statement, a controller page that ran
 * none) are still kept. Over real HTTP.
 */
@SpringBootTest(classes = RecordedRequestsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:recorded-requests;DB_CLOSE_DELAY=-1",
				"spring.web.resources.static-locations=classpath:/recorded-static/",
				"querylens.record.exclude-patterns=/assets/**, /**/*.map", "querylens.toolbar.badge-in-tests=true" })
class RecordedRequestsIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingStore store;

	@Test
	void aStaticFileIsServedButNotKept() throws Exception {
		HttpResponse<String> response = get("/site.css");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("teal");
		assertThat(isKept(response)).isFalse();
	}

	@Test
	void aStaticHtmlPageIsNotKeptAndGetsNoBadgeThatWouldPointNowhere() throws Exception {
		HttpResponse<String> response = get("/static.html");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("<!DOCTYPE html><html><body><p>static</p></body></html>\n");
		assertThat(isKept(response)).isFalse();
	}

	@Test
	void aMissingFaviconIsNotKept() throws Exception {
		HttpResponse<String> response = get("/favicon.ico");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(isKept(response)).isFalse();
	}

	@Test
	void aNotFoundFromAControllerThatRanAStatementIsKept() throws Exception {
		HttpResponse<String> response = get("/orders/missing");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(isKept(response)).isTrue();
	}

	@Test
	void aControllerPageThatRanNoStatementIsKept() throws Exception {
		HttpResponse<String> response = get("/no-statements");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(isKept(response)).isTrue();
	}

	@Test
	void aRequestMatchingAnExcludePatternIsNotRecordedAtAll() throws Exception {
		HttpResponse<String> response = get("/assets/generated.js");
		assertThat(response.body()).isEqualTo("1");
		assertThat(response.headers().firstValue("X-QueryLens-Id")).isEmpty();
		assertThat(this.store.findAll())
			.noneSatisfy((recording) -> assertThat(recording.recording().getUri()).isEqualTo("/assets/generated.js"));
	}

	@Test
	void aPageOutsideTheExcludePatternsIsKept() throws Exception {
		assertThat(isKept(get("/page"))).isTrue();
	}

	// A recording that is not kept gives no id, which would point at nothing.
	private boolean isKept(HttpResponse<String> response) {
		return response.headers()
			.firstValue("X-QueryLens-Id")
			.map((id) -> assertThat(this.store.findById(id)).as("the recording of " + id).isPresent())
			.isPresent();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
