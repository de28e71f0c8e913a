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
import org.springframework.context.ApplicationContext;

import dev.querylens.it.TestDatabase;
import dev.querylens.store.RecordingStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo with QueryLens switched off, as the end-to-end benchmark runs it for its
 * baseline: it starts without QueryLens's store and serves every kind of page, with
 * nothing of QueryLens in the responses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "querylens.enabled=false")
@TestDatabase("h2")
class QueryLensDisabledIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void startsWithoutQueryLensBeans() {
		assertThat(this.context.getBeansOfType(RecordingStore.class)).isEmpty();
	}

	@Test
	void servesHtmlPagesWithoutTheBadgeOrHeaders() throws Exception {
		HttpResponse<String> page = get("/orders/slow");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<table").doesNotContain("querylens");
		assertThat(page.headers().firstValue("X-QueryLens-Id")).isEmpty();
		assertThat(page.headers().firstValue("Server-Timing")).isEmpty();
	}

	@Test
	void servesJsonPages() throws Exception {
		HttpResponse<String> page = get("/api/orders/fast");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).startsWith("[");
		assertThat(page.headers().firstValue("X-QueryLens-Id")).isEmpty();
	}

	@Test
	void lessonPagesRunTheirVariantsWithoutNumbers() throws Exception {
		HttpResponse<String> page = get("/lessons/to-one-n-plus-one");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("class=\"same-data\"");
	}

	@Test
	void theToolbarIsNotServed() throws Exception {
		assertThat(get("/querylens").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
