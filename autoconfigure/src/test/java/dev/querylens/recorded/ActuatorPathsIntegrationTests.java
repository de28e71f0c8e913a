package dev.querylens.recorded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator's own requests are never recorded, judged by the paths Boot maps its
 * endpoints to, so the application's pages are recorded whatever the management settings:
 * the default base path, a base path of {@code /}, a management server on its own port, a
 * servlet path. Over real HTTP; a recorded request carries {@code X-QueryLens-Id}.
 */
@SpringBootTest(classes = RecordedRequestsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:actuator-paths;DB_CLOSE_DELAY=-1",
				"management.endpoints.web.exposure.include=health,queries" })
class ActuatorPathsIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void underTheDefaultBasePathTheEndpointsAreNotRecordedAndPagesAre() throws Exception {
		assertThat(isRecorded(get(this.port, "/page"))).isTrue();
		assertThat(isRecorded(get(this.port, "/actuator/health"))).isFalse();
		assertThat(isRecorded(get(this.port, "/actuator/queries"))).isFalse();
		assertThat(isRecorded(get(this.port, "/actuator"))).isFalse();
	}

	@Nested
	@TestPropertySource(properties = "management.endpoints.web.base-path=/")
	class UnderTheRootPath {

		@Test
		void onlyTheEndpointsAreNotRecorded() throws Exception {
			int port = ActuatorPathsIntegrationTests.this.port;
			assertThat(get(port, "/health").statusCode()).isEqualTo(200);
			assertThat(isRecorded(get(port, "/health"))).isFalse();
			assertThat(isRecorded(get(port, "/queries"))).isFalse();
			assertThat(isRecorded(get(port, "/page"))).isTrue();
			assertThat(isRecorded(get(port, "/no-statements"))).isTrue();
		}

	}

	@Nested
	@TestPropertySource(properties = { "management.server.port=0", "management.endpoints.web.base-path=/admin" })
	class OnTheirOwnPort {

		@LocalManagementPort
		private int managementPort;

		@Test
		void theApplicationsPagesUnderTheBasePathAreRecorded() throws Exception {
			assertThat(isRecorded(get(ActuatorPathsIntegrationTests.this.port, "/admin/users"))).isTrue();
			HttpResponse<String> health = get(this.managementPort, "/admin/health");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(isRecorded(health)).isFalse();
		}

	}

	@Nested
	@TestPropertySource(properties = "spring.mvc.servlet.path=/app")
	class UnderAServletPath {

		@Test
		void theEndpointsUnderTheServletPathAreNotRecorded() throws Exception {
			int port = ActuatorPathsIntegrationTests.this.port;
			HttpResponse<String> health = get(port, "/app/actuator/health");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(isRecorded(health)).isFalse();
			assertThat(isRecorded(get(port, "/app/page"))).isTrue();
		}

	}

	private static boolean isRecorded(HttpResponse<String> response) {
		return response.headers().firstValue("X-QueryLens-Id").isPresent();
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
