package dev.querylens.toolbar;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import dev.querylens.store.RecordingStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a context built by Spring's test framework, pages are exactly the application's (the
 * badge would differ in every response), while recording and headers stay on;
 * {@code querylens.toolbar.badge-in-tests=true} brings the badge back, and an application
 * started outside the test framework has it, JUnit on the class path or not.
 */
@SpringBootTest(classes = ToolbarTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:badge-in-tests;DB_CLOSE_DELAY=-1")
class BadgeInTestsIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingStore store;

	@Test
	void aPageInATestIsTheApplicationsOwnAndTheSameInEveryResponse() throws Exception {
		HttpResponse<byte[]> first = get(this.port, "/page");
		HttpResponse<byte[]> second = get(this.port, "/page");
		assertThat(first.body()).isEqualTo(ToolbarTestApplication.PAGE.getBytes(StandardCharsets.UTF_8))
			.isEqualTo(second.body());
		String id = first.headers().firstValue("X-QueryLens-Id").orElseThrow();
		assertThat(this.store.findById(id))
			.hasValueSatisfying((recording) -> assertThat(recording.recording().getQueryCount()).isEqualTo(1));
		assertThat(first.headers().firstValue("Server-Timing"))
			.hasValueSatisfying((timing) -> assertThat(timing).contains("1 query"));
	}

	@Test
	void anApplicationStartedOutsideTheTestFrameworkHasTheBadge() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ToolbarTestApplication.class).run(
				"--server.port=0", "--spring.datasource.url=jdbc:h2:mem:badge-outside-tests",
				"--spring.jmx.enabled=false")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(new String(get(port, "/page").body(), StandardCharsets.UTF_8)).contains("toolbar.js");
		}
	}

	@Nested
	@TestPropertySource(properties = "querylens.toolbar.badge-in-tests=true")
	class WhenAskedFor {

		@Test
		void aPageInATestHasTheBadge() throws Exception {
			HttpResponse<byte[]> response = get(BadgeInTestsIntegrationTests.this.port, "/page");
			String id = response.headers().firstValue("X-QueryLens-Id").orElseThrow();
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains(
					"<script type=\"module\" src=\"/querylens/static/toolbar.js\" data-querylens-id=\"" + id + "\"");
		}

	}

	private static HttpResponse<byte[]> get(int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
	}

}
