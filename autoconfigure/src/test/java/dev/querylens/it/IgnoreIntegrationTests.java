package dev.querylens.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.example.ignoring.IgnoringController;
import com.example.ignoring.LegacyReports;
import com.example.jpashop.JpaShopApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.analysis.Finding;
import dev.querylens.analysis.FindingType;
import dev.querylens.store.RecordingStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ignored findings over real HTTP with Hibernate on H2: an N+1 accepted with
 * {@code @QueryLensIgnore} on the handler method, on the service method that reads the
 * association, or by a {@code querylens.ignore} rule, is still recorded and shown as
 * ignored, but neither counted nor logged.
 */
@SpringBootTest(classes = JpaShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ IgnoringController.class, LegacyReports.class })
@TestPropertySource(locations = "classpath:com/example/jpashop/jpashop.properties",
		properties = { "spring.datasource.url=jdbc:h2:mem:ignoring;DB_CLOSE_DELAY=-1", "jpashop.sleep-sql=select 1",
				"querylens.ignore[0].type=n-plus-one", "querylens.ignore[0].association=Order.items" })
@TestDatabase("h2")
@ExtendWith(OutputCaptureExtension.class)
class IgnoreIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingStore store;

	@Test
	void anNPlusOneNotAcceptedAnywhereIsReportedAndLogged(CapturedOutput output) throws Exception {
		AnalyzedRecording recording = recordingOf("/ignoring/reported");
		assertThat(recording.activeFindings()).extracting(Finding::type).containsExactly(FindingType.N_PLUS_ONE);
		assertThat(json(recording)).contains("\"findingCount\":1").contains("\"ignored\":false");
		assertThat(output).contains("N+1 queries in GET /ignoring/reported");
	}

	@Test
	void anNPlusOneUnderAnAnnotatedHandlerMethodIsIgnored(CapturedOutput output) throws Exception {
		assertIgnored(recordingOf("/ignoring/handler"), "Order.customer");
		assertThat(output).doesNotContain("N+1 queries in GET /ignoring/handler");
		assertThat(send(HttpRequest.newBuilder(uri("/querylens?uri=/ignoring/handler")).build()).body())
			.contains("class=\"ql-pill ql-ignored\"")
			.contains(">1 ignored<");
	}

	@Test
	void aHandlerMethodAnnotatedForAnotherTypeIgnoresNoNPlusOne() throws Exception {
		AnalyzedRecording recording = recordingOf("/ignoring/handler-other-type");
		assertThat(recording.activeFindings()).extracting(Finding::type).containsExactly(FindingType.N_PLUS_ONE);
	}

	@Test
	void anNPlusOneFromAnAnnotatedServiceMethodIsIgnored(CapturedOutput output) throws Exception {
		assertIgnored(recordingOf("/ignoring/service"), "Order.customer");
		assertThat(output).doesNotContain("N+1 queries in GET /ignoring/service");
	}

	@Test
	void anNPlusOneMatchingAnIgnoreRuleIsIgnored(CapturedOutput output) throws Exception {
		assertIgnored(recordingOf("/ignoring/property"), "Order.items");
		assertThat(output).doesNotContain("N+1 queries in GET /ignoring/property");
	}

	private void assertIgnored(AnalyzedRecording recording, String association) throws Exception {
		assertThat(recording.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.type()).isEqualTo(FindingType.N_PLUS_ONE);
			assertThat(finding.association()).isEqualTo(association);
			assertThat(finding.ignored()).isTrue();
		});
		assertThat(recording.activeFindings()).isEmpty();
		assertThat(json(recording)).contains("\"findingCount\":0")
			.contains("\"ignored\":true")
			.contains("\"association\":\"" + association + "\"");
	}

	private String json(AnalyzedRecording recording) throws Exception {
		return send(HttpRequest.newBuilder(uri("/querylens/api/recordings/" + recording.recording().getId())).build())
			.body();
	}

	private AnalyzedRecording recordingOf(String path) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String id = response.headers().firstValue("X-QueryLens-Id").orElseThrow();
		// Stored before the body left: a client holding the response always finds its
		// recording.
		return this.store.findById(id).orElseThrow();
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
